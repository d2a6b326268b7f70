using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Analyses;
using HkStrategy.Data.Connection;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace HkStrategy.Web.Analyses;

/// <summary>Two value analyses side by side (as <c>hks analysis compare</c> shows them), both rebased to 100 in one chart.</summary>
public sealed class CompareModel(Database database) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? A { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? B { get; set; }

    public IReadOnlyList<AnalysisSummary> Choices { get; private set; } = [];

    /// <summary>Both analyses with their days; null until two valid ones are chosen.</summary>
    public AnalysisDetail? First { get; private set; }

    public AnalysisDetail? Second { get; private set; }

    public string ChartJson => First is { } a && Second is { } b
        ? ChartData.Json(new Dictionary<string, ChartSpec>
        {
            ["value-chart"] = new("index", [ChartData.Rebased(Label("A", a.Analysis), a.Days), ChartData.Rebased(Label("B", b.Analysis), b.Days)]),
        })
        : "{}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A first visit chooses nothing yet: only a half-made or wrong choice earns a message.
        var chosen = !string.IsNullOrWhiteSpace(A) || !string.IsNullOrWhiteSpace(B);
        var first = chosen ? ModelState.Check<int?>(nameof(A), () => AnalysisIds.Require("A", A)) : null;
        var second = chosen ? ModelState.Check<int?>(nameof(B), () => AnalysisIds.Require("B", B)) : null;
        await using var connection = await database.OpenAsync(cancellationToken);
        Choices = await AnalysisStore.ListAsync(connection, null, cancellationToken);
        if (first is { } x && second is { } y)
        {
            First = await LoadAsync(connection, nameof(A), x, cancellationToken);
            Second = await LoadAsync(connection, nameof(B), y, cancellationToken);
        }
    }

    public static string Label(string which, AnalysisSummary summary) => $"{which}: {summary.Name}";

    private async Task<AnalysisDetail?> LoadAsync(NpgsqlConnection connection, string field, int id, CancellationToken cancellationToken)
    {
        try
        {
            return await AnalysisDetail.LoadAsync(connection, id, cancellationToken);
        }
        catch (HksException missing) when (missing.Name == "AnalysisMissing")
        {
            ModelState.AddModelError(field, $"there is no value analysis {id.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
    }
}
