using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Restore;
using HkStrategy.Web.Jobs;
using HkStrategy.Web.Shared;
using HkStrategy.Web.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Backups;

/// <summary>
/// Restoring one backup: what it holds against the live database, then either a complete restore (type the database's
/// name) or one portfolio (preview its changes first, then type the portfolio's id).
/// </summary>
[AnySchema]
public sealed class RestoreModel(BackupEntries entries, BackupOperations operations, OperationJobs jobs, Database database) : PageModel
{
    [FromRoute(Name = "file")]
    public string BackupFile { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Portfolio { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Mode { get; set; } = "replace";

    /// <summary>The preview (an operation id) a one-portfolio restore carries out: its portfolio and mode, nothing typed later.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Preview { get; set; }

    /// <summary>The previewed restore, when <see cref="Preview"/> names a finished preview of this backup.</summary>
    public (string PortfolioId, PortfolioRestoreMode Mode)? Previewed { get; private set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public CatalogEntry Entry { get; private set; } = null!;

    public BackupManifest? Manifest { get; private set; }

    public ContentSummary Live { get; private set; } = null!;

    public string DatabaseName => database.Target.DatabaseName;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!string.Equals(Confirm?.Trim(), DatabaseName, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirm), $"type {DatabaseName} to confirm; nothing was restored");
            return Page();
        }
        return Started(ModelState.Check(nameof(Confirm), () => operations.RestoreComplete(Entry)));
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (id, mode) = Selection();
        return ModelState.IsValid ? Started(ModelState.Check(nameof(Portfolio), () => operations.PreviewPortfolio(Entry, id!, mode))) : Page();
    }

    public async Task<IActionResult> OnPostPortfolioAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Previewed is not { } previewed)
        {
            ModelState.AddModelError(nameof(Portfolio), "preview the changes first; nothing was restored");
            return Page();
        }
        if (!string.Equals(Confirm?.Trim(), previewed.PortfolioId, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirm), $"type {previewed.PortfolioId} to confirm; nothing was restored");
            return Page();
        }
        return Started(ModelState.Check(nameof(Confirm), () => operations.RestorePortfolio(Entry, previewed.PortfolioId, previewed.Mode)));
    }

    private (string? Id, PortfolioRestoreMode Mode) Selection() =>
        (ModelState.Check(nameof(Portfolio), () => PortfolioId.Require(Portfolio)),
         ModelState.Check(nameof(Mode), () => PortfolioRestore.ParseMode(Mode)));

    private IActionResult Started(OperationJob? job) => job is null ? Page() : Redirect($"/jobs/{job.Id}");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Entry = await entries.FindAsync(BackupFile, cancellationToken);
        // Read as every restore reads it: a manifest changed after the backup (its seal broken) is refused, not shown.
        Manifest = System.IO.File.Exists(BackupNames.ManifestPath(Entry.Path)) ? await BackupManifest.ReadAsync(Entry.Path, cancellationToken) : null;
        await using var connection = await database.OpenAsync(cancellationToken);
        Live = await ContentReader.ReadAsync(connection, null, cancellationToken);
        Previewed = FindPreview();
        if (Previewed is { } previewed)
        {
            (Portfolio, Mode) = (previewed.PortfolioId, PortfolioRestore.ModeText(previewed.Mode));
        }
    }

    private (string, PortfolioRestoreMode)? FindPreview()
    {
        if (Preview is null || jobs.Find(Preview) is not { State: JobState.Succeeded, Subject: { } subject })
        {
            return null;
        }
        var parts = subject.Split('\n');
        return parts.Length == 3 && parts[0] == Entry.File && Enum.TryParse<PortfolioRestoreMode>(parts[2], out var mode) ? (parts[1], mode) : null;
    }
}
