namespace HkStrategy.Core.Performance;

/// <summary>
/// A portfolio's returns over a period (docs/performance.md has each definition with a worked example): realised and
/// unrealised P&amp;L, dividends and costs by kind in HK$; time- and money-weighted returns as fractions (0.05 is 5%,
/// the MWR annualised); the benchmark's and the baseline's returns over the same days; and the series behind them.
/// </summary>
public sealed record PerformanceReport(
    DateOnly From, DateOnly To, decimal StartValue, decimal EndValue, decimal NetFlows,
    decimal RealizedPnl, decimal UnrealizedPnl, decimal Dividends, CostsByKind Fees, decimal? Twr, decimal? Mwr,
    BenchmarkReturn Benchmark, BaselineReturn? Baseline, IReadOnlyList<PerformanceDay> Daily, IReadOnlyList<PositionPerformance> Positions,
    IReadOnlyList<RealizedSale> Sales, IReadOnlyList<YearSummary> Years, IReadOnlyList<string> Unpriced);

/// <summary>Costs paid in the period by kind (HK$): a trade's five statutory and exchange costs, commission, and fees charged apart.</summary>
public sealed record CostsByKind(decimal StampDuty, decimal SfcLevy, decimal AfrcLevy, decimal TradingFee, decimal SettlementFee, decimal Commission, decimal Other)
{
    public static CostsByKind None { get; } = new(0m, 0m, 0m, 0m, 0m, 0m, 0m);

    public decimal Total => StampDuty + SfcLevy + AfrcLevy + TradingFee + SettlementFee + Commission + Other;

    public CostsByKind Plus(Costs.TradeCosts costs, decimal other = 0m) => new(StampDuty + costs.StampDuty, SfcLevy + costs.SfcLevy,
        AfrcLevy + costs.AfrcLevy, TradingFee + costs.TradingFee, SettlementFee + costs.SettlementFee, Commission + costs.Commission, Other + other);
}

/// <summary>The benchmark's price return over the period's days; none without its closes.</summary>
public sealed record BenchmarkReturn(string Symbol, decimal? Twr);

/// <summary>The holdings of the baseline date held unchanged: their value when the comparison starts and at the end, and its return.</summary>
public sealed record BaselineReturn(DateOnly Date, decimal StartValue, decimal EndValue, decimal? Twr);

/// <summary>One day: the holdings' value at its close, the money put in (negative: taken out), and each cumulative return so far.</summary>
public sealed record PerformanceDay(DateOnly Date, decimal Value, decimal NetFlow, decimal Twr, decimal? Benchmark, decimal? Baseline);

/// <summary>
/// One symbol over the period: what is held at its end, its cost and value, what it realised, paid and cost, and its
/// own time- and money-weighted returns (its value and its activities' flows alone; none when it held nothing then).
/// </summary>
public sealed record PositionPerformance(string Symbol, int Quantity, decimal Cost, decimal Value, decimal RealizedPnl, decimal UnrealizedPnl,
    decimal Dividends, decimal Fees, decimal? Twr, decimal? Mwr);

/// <summary>A sale in the period: its proceeds, its costs, the average cost it took off, and what it realised.</summary>
public sealed record RealizedSale(long Id, DateOnly Date, string Symbol, int Quantity, decimal Proceeds, decimal Costs, decimal CostOut, decimal RealizedPnl);

/// <summary>A calendar year of the period: dividends, costs and realised P&amp;L.</summary>
public sealed record YearSummary(int Year, decimal Dividends, decimal Fees, decimal RealizedPnl);
