using HkStrategy.Operations.Backup;
using HkStrategy.Web.Jobs;
using HkStrategy.Web.Shared;
using HkStrategy.Web.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Backups;

/// <summary>The backup catalog with each archive's verify state; create, verify (with a restore drill), download, restore.</summary>
[AnySchema]
public sealed class IndexModel(BackupEntries entries, BackupOperations operations, OperationJobs jobs) : PageModel
{
    public IReadOnlyList<CatalogEntry> Catalog { get; private set; } = [];

    public IReadOnlyList<OperationJob> Recent { get; private set; } = [];

    [BindProperty]
    public string Kind { get; set; } = BackupKind.Full.Text();

    [BindProperty]
    public string Format { get; set; } = BackupFormat.Custom.Text();

    [BindProperty]
    public string? Label { get; set; }

    [BindProperty]
    public string? Backup { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var kind = ModelState.Check(nameof(Kind), () => BackupNames.ParseKind(Kind));
        var format = ModelState.Check(nameof(Format), () => BackupNames.ParseFormat(Format));
        var label = ModelState.Check(nameof(Label), () => HkStrategy.Core.Input.InputValues.Text("the label", string.IsNullOrWhiteSpace(Label) ? null : Label, 200));
        OperationJob? job = null;
        if (ModelState.IsValid)
        {
            job = ModelState.Check(nameof(Kind), () => operations.Create(new BackupRequest(entries.Folder, kind, format, label)));
        }
        return job is null ? await ReloadAsync(cancellationToken) : Redirect($"/jobs/{job.Id}");
    }

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken) => StartAsync(entry => operations.Verify(entry, drill: false), cancellationToken);

    public Task<IActionResult> OnPostDrillAsync(CancellationToken cancellationToken) => StartAsync(entry => operations.Verify(entry, drill: true), cancellationToken);

    private async Task<IActionResult> StartAsync(Func<CatalogEntry, OperationJob> start, CancellationToken cancellationToken)
    {
        var entry = await entries.FindAsync(Backup, cancellationToken);
        var job = ModelState.Check(nameof(Backup), () => start(entry));
        return job is null ? await ReloadAsync(cancellationToken) : Redirect($"/jobs/{job.Id}");
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Catalog = await entries.ListAsync(cancellationToken);
        Recent = jobs.Recent.Take(5).ToList();
    }
}
