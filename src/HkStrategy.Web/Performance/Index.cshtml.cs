using HkStrategy.Core.Performance;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Performance;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Performance;

/// <summary>
/// A portfolio's returns: P&amp;L, dividends and costs, TWR and MWR, against a benchmark and the holdings of a baseline
/// date over time, with the years, the sales and the positions behind them.
/// </summary>
public sealed class IndexModel(Database database, PerformanceCache reports) : PageModel
{
    /// <summary>Sales listed on the page, newest first; the API and <c>hks performance --json</c> have all of them.</summary>
    public const int SalesShown = 100;

    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Benchmark { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Baseline { get; set; }

    public PortfolioSummary Portfolio { get; private set; } = null!;

    /// <summary>None while a parameter is refused (its message is beside its field).</summary>
    public PerformanceReport? Report => View?.Report;

    public PerformanceView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        await using var connection = await database.OpenAsync(cancellationToken);
        // One query of the server's snapshot; the portfolio and its report are kept under it until the next commit.
        var stamp = await reports.StampAsync(connection, cancellationToken);
        Portfolio = await reports.PortfolioAsync(connection, Id, stamp);
        if (Parse() is { } query)
        {
            await ModelState.TryAsync(nameof(From), async () => View = await reports.ReadAsync(connection, Id, query, stamp));
        }
    }

    /// <summary>Each parameter parsed on its own, so that each refusal stands beside its own field.</summary>
    private PerformanceQuery? Parse()
    {
        var from = ModelState.Check(nameof(From), () => new PerformanceParameters(From, null, null, null).Query().From);
        var to = ModelState.Check(nameof(To), () => new PerformanceParameters(null, To, null, null).Query().To);
        var benchmark = ModelState.Check(nameof(Benchmark), () => new PerformanceParameters(null, null, Benchmark, null).Query().Benchmark);
        var baseline = ModelState.Check(nameof(Baseline), () => new PerformanceParameters(null, null, null, Baseline).Query().BaselineDate);
        return ModelState.IsValid ? new PerformanceQuery(from, to, benchmark ?? PerformanceRequest.DefaultBenchmark, baseline) : null;
    }
}
