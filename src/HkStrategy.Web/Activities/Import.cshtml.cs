using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Ledger.Exchange;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Activities;

/// <summary>
/// Importing activities into a portfolio: the upload is read and previewed (the new activities, those the ledger
/// holds already, every bad row by its line; nothing written); importing writes all of it in one transaction, or
/// nothing if any row is bad. Importing the same file twice changes nothing.
/// </summary>
[RequestSizeLimit(ActivityUploads.MaximumBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ActivityUploads.MaximumBytes + 1024 * 1024)]
public sealed class ImportModel(Database database, ActivityUploads uploads) : PageModel
{
    /// <summary>New activities listed in the preview; the count says how many more.</summary>
    public const int PreviewRows = 50;

    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>csv, ghostfolio or wealthfolio; empty: from the file's name (.json is Ghostfolio's).</summary>
    [BindProperty]
    public string? Format { get; set; }

    [BindProperty]
    public string? Map { get; set; }

    /// <summary>The saved upload, carried from the preview to the import.</summary>
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    /// <summary>How many new activities the preview the user confirms showed: an import that would now add another number is not written.</summary>
    [BindProperty]
    public int? Previewed { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PortfolioSummary Portfolio { get; private set; } = null!;

    public ImportPlan? Plan { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadPortfolioAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadPortfolioAsync(cancellationToken);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "choose a file of activities: hks's CSV, Ghostfolio's export (JSON) or Wealthfolio's CSV");
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        if (await ModelState.TryAsync(nameof(Upload), async () =>
            {
                await using var stream = Upload.OpenReadStream();
                Token = await uploads.SaveAsync(stream, cancellationToken);
            }))
        {
            await PlanAsync(cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        await LoadPortfolioAsync(cancellationToken);
        if (await PlanAsync(cancellationToken) is not { BadRows.Count: 0 } plan)
        {
            return Page();
        }
        if (Previewed is { } shown && shown != plan.New.Count)
        {
            ModelState.AddModelError(nameof(Upload), string.Create(CultureInfo.InvariantCulture,
                $"the ledger of {Id} changed since the preview ({shown:N0} new activities then, {plan.New.Count:N0} now): nothing was written; look at the preview again"));
            return Page();
        }
        ImportOutcome? outcome = null;
        if (!await ModelState.TryAsync(nameof(Upload), async () =>
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                outcome = await ActivityImporting.ApplyAsync(connection, plan, cancellationToken);
            }) || outcome is null)
        {
            return Page();
        }
        uploads.Remove(Token);
        Message = string.Create(CultureInfo.InvariantCulture,
            $"imported {outcome.Added:N0} activities from {FileName} ({outcome.Duplicates:N0} already held)")
            + (outcome.Symbols.Count > 0 ? "; positions derived: " + outcome.SymbolsText() : "");
        return Redirect($"/portfolios/{Uri.EscapeDataString(Id)}/activities");
    }

    /// <summary>Reads the saved upload and plans its import; a file that cannot be read is one line beside the upload.</summary>
    private async Task<ImportPlan?> PlanAsync(CancellationToken cancellationToken)
    {
        var format = ModelState.Check(nameof(Format), () => string.IsNullOrWhiteSpace(Format) ? ActivityFiles.Guess(FileName ?? "") : ActivityFileFormats.Parse(Format));
        var mapping = ModelState.Check(nameof(Map), () => ActivityCsvReader.Mapping(string.IsNullOrWhiteSpace(Map) ? null : Map));
        if (!ModelState.IsValid)
        {
            return null;
        }
        await ModelState.TryAsync(nameof(Upload), async () =>
        {
            var file = await ActivityFiles.ReadAsync(uploads.Existing(Token), format, mapping!, Id, cancellationToken, FileName ?? "the upload");
            await using var connection = await database.OpenAsync(cancellationToken);
            Plan = await ActivityImporting.PlanAsync(connection, Id, file, cancellationToken);
        });
        return Plan;
    }

    private async Task LoadPortfolioAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        await using var connection = await database.OpenAsync(cancellationToken);
        Portfolio = await PortfolioStore.GetAsync(connection, Id, cancellationToken);
    }
}
