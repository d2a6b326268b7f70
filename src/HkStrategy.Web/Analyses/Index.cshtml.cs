using HkStrategy.Core.Calendar;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Analyses;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Analyses;

/// <summary>Stored value analyses with their figures, two of them chosen to compare, and a form to create one.</summary>
public sealed class IndexModel(Database database, TimeProvider clock) : PageModel
{
    /// <summary>Only this portfolio's analyses (empty: all).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Portfolio { get; set; }

    [BindProperty]
    public NewAnalysis New { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<AnalysisSummary> Analyses { get; private set; } = [];

    public IReadOnlyList<PortfolioSummary> Portfolios { get; private set; } = [];

    public IReadOnlyList<EquityAnalysisSummary> EquityAnalyses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The last three months up to the newest closing prices: a useful first analysis without typing a date.
        var to = MarketClock.LastClosedTradingDay(clock.GetUtcNow(), TradingCalendar.Hkex);
        New = new NewAnalysis { Portfolio = PortfolioId.IsValid(Portfolio) ? Portfolio : null, From = Format.Day(to.AddMonths(-3)), To = Format.Day(to) };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var request = New.Read(ModelState);
        if (request is not null)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var run = await request.RunAsync(connection, ModelState, cancellationToken);
            if (run is not null)
            {
                Notice = NewAnalysis.Describe(run, request.To);
                return Redirect($"/analyses/{run.Id}");
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = string.IsNullOrWhiteSpace(Portfolio);
        var filter = all ? null : ModelState.Check(nameof(Portfolio), () => PortfolioId.Require(Portfolio!.Trim()));
        await using var connection = await database.OpenAsync(cancellationToken);
        Portfolios = await PortfolioStore.ListAsync(connection, cancellationToken);
        Analyses = all || filter is not null ? await AnalysisStore.ListAsync(connection, filter, cancellationToken) : [];
        EquityAnalyses = await EquityAnalysisStore.ListAsync(connection, null, cancellationToken);
    }
}
