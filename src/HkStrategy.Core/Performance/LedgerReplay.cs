using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Performance;

/// <summary>
/// The holdings as the ledger stood at each day's close, valued at the close of the day (or the last before it); a
/// symbol with no close yet at its last trade's price, named in <see cref="Unpriced"/>.
/// </summary>
internal sealed class LedgerReplay(ClosingPrices prices, IReadOnlyDictionary<Activity, DerivedActivity> derived)
{
    private readonly Dictionary<string, Holding> _holdings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _lastPrices = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _unpriced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClosingPrices.Cursor?> _cursors = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Unpriced => [.. _unpriced];

    /// <summary>Applies one activity of the day: the money it puts in (negative: takes out).</summary>
    public decimal Apply(Activity activity, DateOnly day)
    {
        if (activity.Symbol is not { } symbol || !derived.TryGetValue(activity, out var step))
        {
            return DayFlows.Of(activity, 0, 0, 0m);
        }
        if (activity.Price is > 0m && activity.Type is not ActivityType.ScripDividend)
        {
            _lastPrices[symbol] = activity.Price.Value * activity.FxRate;
        }
        var before = step.Before.Quantity;
        _holdings[symbol] = step.After;
        return DayFlows.Of(activity, before, step.After.Quantity, PriceOf(symbol, day, activity.Price is > 0m ? activity.Price.Value * activity.FxRate : null));
    }

    public decimal Value(DateOnly day)
    {
        var value = 0m;
        foreach (var (symbol, holding) in _holdings)
        {
            if (holding.Quantity != 0)
            {
                value += Costs.Cents.HalfUp(holding.Quantity * PriceOf(symbol, day, null));
            }
        }
        return value;
    }

    public Dictionary<string, int> Holdings() =>
        _holdings.Where(h => h.Value.Quantity > 0).ToDictionary(h => h.Key, h => h.Value.Quantity, StringComparer.Ordinal);

    public decimal ValueOf(IReadOnlyDictionary<string, int> holdings, DateOnly day) =>
        holdings.Sum(h => Costs.Cents.HalfUp(h.Value * PriceOf(h.Key, day, null)));

    private decimal PriceOf(string symbol, DateOnly day, decimal? fallback)
    {
        if (!_cursors.TryGetValue(symbol, out var cursor))
        {
            _cursors[symbol] = cursor = prices.CursorOf(symbol);
        }
        if (cursor?.On(day) is { } close)
        {
            return close;
        }
        var known = fallback ?? (_lastPrices.TryGetValue(symbol, out var last) ? last : null);
        if (known is { } price)
        {
            if (_holdings.TryGetValue(symbol, out var held) && held.Quantity > 0)
            {
                _unpriced.Add(symbol);
            }
            return price;
        }
        _unpriced.Add(symbol);
        return _holdings.TryGetValue(symbol, out var holding) ? holding.AverageCost : 0m;
    }

    /// <summary>Each symbol held at the end or active in the period, with its sums.</summary>
    public IReadOnlyList<PositionPerformance> Positions(DateOnly to, PeriodSums sums) =>
        [.. _holdings.Keys.Union(sums.Symbols).Order(StringComparer.Ordinal).Select(symbol =>
        {
            var holding = _holdings.GetValueOrDefault(symbol) ?? Holding.None;
            var value = holding.Quantity == 0 ? 0m : Costs.Cents.HalfUp(holding.Quantity * PriceOf(symbol, to, null));
            var of = sums.Of(symbol);
            return new PositionPerformance(symbol, holding.Quantity, Costs.Cents.HalfUp(holding.Cost), value, of.Realized, value - Costs.Cents.HalfUp(holding.Cost),
                of.Dividends, of.Fees);
        }).Where(p => p.Quantity > 0 || p.RealizedPnl != 0m || p.Dividends != 0m || p.Fees != 0m)];
}
