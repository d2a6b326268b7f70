using HkStrategy.Data.Analyses;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Analysis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Analyses;

/// <summary>One value analysis: its figures, value and drawdown charts, every day, and deleting it after typing its name.</summary>
public sealed class ShowModel(Database database, AnalysisDeletion deletion) : PageModel
{
    public AnalysisSummary Analysis { get; private set; } = null!;

    public IReadOnlyList<AnalysisDay> Days { get; private set; } = [];

    /// <summary>The analysis's name, typed to confirm deleting it.</summary>
    [BindProperty]
    public string? Confirm { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string ChartJson => ChartData.Json(new Dictionary<string, ChartSpec>
    {
        ["value-chart"] = new("HK$", [ChartData.Values("Value", Days)]),
        ["drawdown-chart"] = new("%", [ChartData.Drawdown("Drawdown", Days)]),
    });

    public async Task OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var consent = await AnalysisDeletion.AskAsync(connection, id, cancellationToken);
        if (!consent.IsGivenBy(Confirm))
        {
            ModelState.AddModelError(nameof(Confirm), consent.Refusal("deleted"));
            return Page();
        }
        Notice = (await deletion.DeleteAsync(connection, id, cancellationToken)).Message;
        return Redirect("/analyses");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        (Analysis, Days) = await AnalysisDetail.LoadAsync(connection, id, cancellationToken);
    }
}
