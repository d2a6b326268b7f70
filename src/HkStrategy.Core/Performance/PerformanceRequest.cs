using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Performance;

/// <summary>
/// What a performance report is computed from: every activity of the portfolio (returns need the whole chain whatever
/// the period), the closes of its symbols, of the benchmark, and the period.
/// </summary>
/// <param name="From">The period's first day; none: the first activity's day.</param>
/// <param name="To">The period's last day (the day its holdings are valued).</param>
/// <param name="BaselineDate">The day whose holdings, held unchanged, are compared; none: no baseline.</param>
public sealed record PerformanceRequest(
    IReadOnlyList<Activity> Activities, ClosingPrices Prices, DateOnly? From, DateOnly To, string Benchmark = PerformanceRequest.DefaultBenchmark,
    DateOnly? BaselineDate = null)
{
    /// <summary>The Tracker Fund of Hong Kong, which follows the Hang Seng Index and can be bought like a share.</summary>
    public const string DefaultBenchmark = "2800.HK";
}
