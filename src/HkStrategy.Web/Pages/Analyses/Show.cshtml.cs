using HkStrategy.Data.Analyses;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Operations.Backup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Pages.Analyses;

/// <summary>One value analysis: its figures, value and drawdown charts, every day, and deleting it after typing its name.</summary>
public sealed class ShowModel(Database database, HksHome home, TimeProvider clock) : PageModel
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
        if (!string.Equals(Confirm?.Trim(), Analysis.Name, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirm), $"type the analysis's name, {Analysis.Name}, to delete it");
            return Page();
        }
        // An analysis values the holdings as they were when it ran: once they change it cannot be computed again.
        var backup = await new SafetyBackup(home.Backups, clock).TakeAsync(database, "pre_delete", cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await AnalysisStore.DeleteAsync(connection, id, cancellationToken);
        Notice = $"Deleted analysis {Analysis.Id} \"{Analysis.Name}\" and its {Analysis.Days} daily values; verified backup first: {Path.GetFileName(backup.Path)}.";
        return Redirect("/analyses");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        (Analysis, Days) = await AnalysisDetail.LoadAsync(connection, id, cancellationToken);
    }
}
