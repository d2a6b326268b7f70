using HkStrategy.Core.Ledger;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Activities;

namespace HkStrategy.Operations.Ledger;

/// <summary>
/// What a symbol's chain ends at, gathered one step at a time (an import keeps this, not every step): the holding,
/// whether any activity held shares, the last price, and the average the shares were last held at.
/// </summary>
internal sealed class ChainEnd
{
    private bool _holds;
    private Holding _last = Holding.None;
    private decimal? _lastPrice;
    private DerivedActivity? _lastHeld;
    private bool _openedEmpty;

    public static ChainEnd Of(IEnumerable<DerivedActivity> steps)
    {
        var end = new ChainEnd();
        foreach (var step in steps)
        {
            end.Add(step);
        }
        return end;
    }

    /// <summary>The holding after the last step.</summary>
    public Holding Holding => _last;

    public void Add(DerivedActivity step)
    {
        var type = step.Activity.Type;
        _last = step.After;
        if (type.ChangesPosition())
        {
            _holds = true;
            _openedEmpty = type == ActivityType.Opening;
        }
        if (step.Activity.Price is > 0m)
        {
            _lastPrice = step.Activity.Price;
        }
        if (step.Before.Quantity > 0 || type is ActivityType.Opening or ActivityType.Adjustment)
        {
            _lastHeld = step;
        }
    }

    /// <summary>The position the chain ends at; none when no activity of it holds shares.</summary>
    public DerivedPosition Position(string portfolioId, string symbol)
    {
        var last = _holds ? _last : Holding.None;
        var company = KnownCompanies.Find(symbol);
        // Nothing held: the average the shares were last held at (an opening balance of none gives its own).
        var average = last.Quantity > 0 ? last.AverageCost
            : _lastHeld is { } held
                ? held.Activity.Type is ActivityType.Opening or ActivityType.Adjustment && held.After.Quantity == 0 ? held.Activity.Price ?? 0m : held.Before.AverageCost
                : 0m;
        return new DerivedPosition(portfolioId, symbol, _holds ? last.Quantity : null, average, _lastPrice, company?.Name, company?.Sector ?? "Other",
            OpenedEmpty: _holds && _openedEmpty);
    }
}
