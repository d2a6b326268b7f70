using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Operations.Portfolios;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Portfolios;

/// <summary>
/// Importing a portfolio document: the upload is checked and previewed (nothing written); applying it adds new rows
/// directly, and where it would change existing ones it asks for the portfolio's id typed and takes a verified backup.
/// </summary>
public sealed class ImportModel(Database database, PortfolioImporting importing) : PageModel
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
        if (PortfolioImporting.Ask(Preview, PortfolioId!) is { } consent && !consent.IsGivenBy(Confirm))
        {
            ModelState.AddModelError(nameof(Confirm), consent.Refusal("imported"));
            return Page();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        TempData["Message"] = (await importing.ApplyAsync(connection, document, PortfolioId!, Preview, cancellationToken)).Step.Message;
        return Redirect($"/portfolios/{Uri.EscapeDataString(PortfolioId!)}");
    }

    private async Task<PortfolioDocument?> PreviewAsync(string source, CancellationToken cancellationToken)
    {
        try
        {
            var document = PortfolioDocumentRules.Normalize(PortfolioDocumentJson.Parse(Text ?? "", source));
            PortfolioDocumentRules.Require(document);
            PortfolioId = HkStrategy.Core.Portfolios.PortfolioId.Require(string.IsNullOrWhiteSpace(As) ? document.Portfolio.PortfolioId : As.Trim());
            await using var connection = await database.OpenAsync(cancellationToken);
            Preview = await PortfolioImporting.PreviewAsync(connection, document, PortfolioId, cancellationToken);
            return document;
        }
        catch (HksException invalid) when (invalid.ExitCode is ExitCode.Usage or ExitCode.Refused)
        {
            ModelState.AddModelError(nameof(Document), invalid.Message);
            return null;
        }
    }
}
