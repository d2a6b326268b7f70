using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Performance;

/// <summary>What the period's activities realised, paid out and cost: in all, per symbol, per sale and per year.</summary>
internal sealed class PeriodSums(DateOnly from, DateOnly to)
{
    private readonly Dictionary<string, SymbolSums> _symbols = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, (decimal Dividends, decimal Fees, decimal Realized)> _years = [];
    private readonly List<RealizedSale> _sales = [];

    public decimal Realized { get; private set; }

    public decimal Dividends { get; private set; }

    public CostsByKind Fees { get; private set; } = CostsByKind.None;

    public IReadOnlyList<RealizedSale> Sales => _sales;

    public IEnumerable<string> Symbols => _symbols.Keys;

    public sealed record SymbolSums(decimal Realized, decimal Dividends, decimal Fees);

    public SymbolSums Of(string symbol) => _symbols.GetValueOrDefault(symbol) ?? new SymbolSums(0m, 0m, 0m);

    public void Add(Activity activity, DerivedActivity? step)
    {
        if (activity.TradeDate < from || activity.TradeDate > to)
        {
            return;
        }
        var realized = step?.RealizedPnl ?? 0m;
        var dividend = activity.Type switch
        {
            ActivityType.Dividend => activity.AmountHkd,
            ActivityType.ScripDividend => activity.ConsiderationHkd,
            _ => 0m,
        };
        var other = activity.Type == ActivityType.Fee ? activity.AmountHkd : 0m;
        Fees = Fees.Plus(activity.Fees, other);
        var fees = activity.Fees.Total + other;
        Realized += realized;
        Dividends += dividend;
        if (step?.RealizedPnl is { } pnl)
        {
            _sales.Add(new RealizedSale(activity.Id, activity.TradeDate, activity.Symbol!, activity.Quantity ?? 0, activity.ConsiderationHkd,
                activity.Fees.Total, step.CostOut, pnl));
        }
        if (activity.Symbol is { } symbol)
        {
            var sums = Of(symbol);
            _symbols[symbol] = new SymbolSums(sums.Realized + realized, sums.Dividends + dividend, sums.Fees + fees);
        }
        var year = _years.GetValueOrDefault(activity.TradeDate.Year);
        _years[activity.TradeDate.Year] = (year.Dividends + dividend, year.Fees + fees, year.Realized + realized);
    }

    public IReadOnlyList<YearSummary> Years() => [.. _years.Select(y => new YearSummary(y.Key, y.Value.Dividends, y.Value.Fees, y.Value.Realized))];
}
