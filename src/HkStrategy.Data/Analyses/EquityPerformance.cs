using HkStrategy.Core.Analysis;
using HkStrategy.Core.Signals;

namespace HkStrategy.Data.Analyses;

/// <summary>What an equity analysis stores as its performance data (jsonb): how it was run, its equity curve and its trades.</summary>
public sealed record EquityPerformance(
    string Assumptions, double FeeBasisPoints, decimal? TargetSell, SignalParameters Parameters, IReadOnlyList<EquityPoint> Equity, IReadOnlyList<BacktestTrade> Trades);

/// <summary>The strategy's equity at the close of one day.</summary>
public sealed record EquityPoint(DateOnly Date, double Equity);
