using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Operations.Backup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Pages.Import;

/// <summary>
/// Importing a portfolio document: the upload is checked and previewed (nothing written); applying it adds new rows
/// directly, and where it would change existing ones it asks for the portfolio's id typed and takes a verified backup.
/// </summary>
public sealed class IndexModel(Database database, HksHome home, TimeProvider clock) : PageModel
{
    private const long MaximumBytes = 5 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Document { get; set; }

    [BindProperty]
    public string? As { get; set; }

    /// <summary>The uploaded document's text, carried from the preview to the confirmation.</summary>
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public string? PortfolioId { get; private set; }

    public ImportOutcome? Preview { get; private set; }

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Document is null || Document.Length == 0)
        {
            ModelState.AddModelError(nameof(Document), "choose a portfolio document (.json) to import");
            return Page();
        }
        if (Document.Length > MaximumBytes)
        {
            ModelState.AddModelError(nameof(Document), "the document is larger than 5 MiB: import it with 'hks portfolio import'");
            return Page();
        }
        using (var reader = new StreamReader(Document.OpenReadStream()))
        {
            Text = await reader.ReadToEndAsync(cancellationToken);
        }
        await PreviewAsync(Document.FileName, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        var document = await PreviewAsync("the document", cancellationToken);
        if (document is null || Preview is null)
        {
            return Page();
        }
        if (Preview.ChangesExistingRows && !string.Equals(Confirm?.Trim(), PortfolioId, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirm), $"type {PortfolioId} to confirm; nothing was imported");
            return Page();
        }
        string? backup = null;
        if (Preview.ChangesExistingRows)
        {
            backup = (await new SafetyBackup(home.Backups, clock).TakeAsync(database, "pre_import", cancellationToken)).Path;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var outcome = await PortfolioImport.ApplyAsync(connection, document, PortfolioId!, dryRun: false, cancellationToken, onlyAdd: backup is null);
        TempData["Message"] = $"imported into {PortfolioId}: {Describe(outcome)}" + (backup is null ? "" : $"; verified backup first: {Path.GetFileName(backup)}");
        return Redirect($"/portfolios/{Uri.EscapeDataString(PortfolioId!)}");
    }

    public static string Describe(ImportOutcome o) =>
        o.ChangesNothing ? "nothing changes: the portfolio already holds everything in the document"
        : $"{(o.PortfolioCreated ? "a new portfolio, " : "")}{o.PositionsAdded} position(s) added, {o.PositionsUpdated} updated, rules of {o.RulesAdded + o.RulesChanged} set, "
          + $"{o.EventsAdded} event(s) and {o.AnalysesAdded} analysis(es) added, {o.AnalysesReplaced} replaced";

    private async Task<PortfolioDocument?> PreviewAsync(string source, CancellationToken cancellationToken)
    {
        try
        {
            var document = PortfolioDocumentRules.Normalize(PortfolioDocumentJson.Parse(Text ?? "", source));
            PortfolioDocumentRules.Require(document);
            PortfolioId = HkStrategy.Core.Portfolios.PortfolioId.Require(string.IsNullOrWhiteSpace(As) ? document.Portfolio.PortfolioId : As.Trim());
            await using var connection = await database.OpenAsync(cancellationToken);
            Preview = await PortfolioImport.ApplyAsync(connection, document, PortfolioId, dryRun: true, cancellationToken);
            return document;
        }
        catch (HksException invalid) when (invalid.ExitCode is ExitCode.Usage or ExitCode.Refused)
        {
            ModelState.AddModelError(nameof(Document), invalid.Message);
            return null;
        }
    }
}
