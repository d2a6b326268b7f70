using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Performance;

/// <summary>What the period's activities realised, paid out and cost: in all, per symbol, per sale and per year.</summary>
internal sealed class PeriodSums(DateOnly from, DateOnly to)
{
    private readonly Dictionary<string, Sums> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Sums> _years = [];
    private readonly decimal[] _costs = new decimal[7];
    private readonly List<RealizedSale> _sales = [];

    public decimal Realized { get; private set; }

    public decimal Dividends { get; private set; }

    public CostsByKind Fees => new(_costs[0], _costs[1], _costs[2], _costs[3], _costs[4], _costs[5], _costs[6]);

    public IReadOnlyList<RealizedSale> Sales => _sales;

    public IEnumerable<string> Symbols => _symbols.Keys;

    public sealed record SymbolSums(decimal Realized, decimal Dividends, decimal Fees);

    public SymbolSums Of(string symbol) => _symbols.TryGetValue(symbol, out var sums) ? new SymbolSums(sums.Realized, sums.Dividends, sums.Fees) : new SymbolSums(0m, 0m, 0m);

    /// <summary>What a symbol or a year adds up to, added to in place: a replay adds a hundred thousand activities.</summary>
    private sealed class Sums
    {
        public decimal Realized;
        public decimal Dividends;
        public decimal Fees;

        public void Add(decimal realized, decimal dividends, decimal fees) => (Realized, Dividends, Fees) = (Realized + realized, Dividends + dividends, Fees + fees);
    }

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
        var costs = activity.Fees;
        (_costs[0], _costs[1], _costs[2]) = (_costs[0] + costs.StampDuty, _costs[1] + costs.SfcLevy, _costs[2] + costs.AfrcLevy);
        (_costs[3], _costs[4], _costs[5], _costs[6]) = (_costs[3] + costs.TradingFee, _costs[4] + costs.SettlementFee, _costs[5] + costs.Commission, _costs[6] + other);
        var fees = costs.Total + other;
        Realized += realized;
        Dividends += dividend;
        if (step?.RealizedPnl is { } pnl)
        {
            _sales.Add(new RealizedSale(activity.Id, activity.TradeDate, activity.Symbol!, activity.Quantity ?? 0, activity.ConsiderationHkd,
                activity.Fees.Total, step.CostOut, pnl));
        }
        if (activity.Symbol is { } symbol)
        {
            Of(_symbols, symbol).Add(realized, dividend, fees);
        }
        Of(_years, activity.TradeDate.Year).Add(realized, dividend, fees);
    }

    public IReadOnlyList<YearSummary> Years() =>
        [.. _years.OrderBy(y => y.Key).Select(y => new YearSummary(y.Key, y.Value.Dividends, y.Value.Fees, y.Value.Realized))];

    private static Sums Of<TKey>(Dictionary<TKey, Sums> sums, TKey key) where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var found))
        {
            sums[key] = found = new Sums();
        }
        return found;
    }
}
