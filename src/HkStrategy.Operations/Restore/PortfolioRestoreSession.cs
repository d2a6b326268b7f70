using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Progress;
using HkStrategy.Operations.Verify;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// Restoring one portfolio from a backup: the backup restored into a scratch copy (dropped on dispose), the change
/// previewed in a rolled-back transaction, and applied only after a verified emergency backup of the live database.
/// <c>hks restore --portfolio</c> and the dashboard both go through it.
/// </summary>
public sealed class PortfolioRestoreSession : IAsyncDisposable
{
    private readonly ScratchCopy _copy;
    private readonly Database _live;
    private readonly MigrationCatalog _catalog;
    private readonly TimeProvider _clock;
    private readonly IProgress<OperationProgress>? _progress;

    private PortfolioRestoreSession(ScratchCopy copy, Database live, MigrationCatalog catalog, TimeProvider clock, IProgress<OperationProgress>? progress) =>
        (_copy, _live, _catalog, _clock, _progress) = (copy, live, catalog, clock, progress);

    public static async Task<PortfolioRestoreSession> OpenAsync(Database live, string archive, MigrationCatalog catalog, TimeProvider clock,
        CancellationToken cancellationToken, IProgress<OperationProgress>? progress = null)
    {
        progress?.Report(new OperationProgress("restore the backup into a scratch database"));
        var copy = await ScratchCopy.RestoreAsync(live.Target, archive, catalog, clock, cancellationToken);
        return new PortfolioRestoreSession(copy, live, catalog, clock, progress);
    }

    public Task<PortfolioRestoreResult> PreviewAsync(string portfolioId, PortfolioRestoreMode mode, CancellationToken cancellationToken)
    {
        _progress?.Report(new OperationProgress("compare with the live portfolio"));
        return PortfolioRestore.ApplyAsync(_live, _copy.Target, portfolioId, mode, dryRun: true, cancellationToken);
    }

    /// <summary>The emergency backup (written to <paramref name="backupFolder"/> and verified), then the change.</summary>
    public async Task<(PortfolioRestoreResult Result, string EmergencyBackup)> ApplyAsync(string portfolioId, PortfolioRestoreMode mode, string backupFolder,
        CancellationToken cancellationToken)
    {
        _progress?.Report(new OperationProgress("emergency backup"));
        var emergency = await new BackupCreator(_clock, _progress).CreateAsync(_live,
            new BackupRequest(backupFolder, Label: $"before restoring portfolio {portfolioId}") { Prefix = "emergency" }, cancellationToken);
        _progress?.Report(new OperationProgress("verify the emergency backup"));
        await new BackupVerifier(_catalog, _clock).VerifyAsync(emergency.Path, cancellationToken);
        _progress?.Report(new OperationProgress($"restore portfolio {portfolioId}"));
        return (await PortfolioRestore.ApplyAsync(_live, _copy.Target, portfolioId, mode, dryRun: false, cancellationToken), emergency.Path);
    }

    public ValueTask DisposeAsync() => _copy.DisposeAsync();
}
