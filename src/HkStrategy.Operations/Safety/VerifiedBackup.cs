using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Progress;
using HkStrategy.Operations.Verify;

namespace HkStrategy.Operations.Safety;

/// <summary>
/// A backup as both doors make it: written with its manifest (<see cref="BackupCreator"/>), then verified by a pass of
/// its own (<see cref="BackupVerifier"/>), so the catalog lists it as verified from the start.
/// </summary>
public sealed class VerifiedBackup(TimeProvider clock, IProgress<OperationProgress>? progress = null)
{
    public async Task<BackupResult> CreateAsync(Database database, BackupRequest request, CancellationToken cancellationToken)
    {
        var result = await new BackupCreator(clock, progress).CreateAsync(database, request, cancellationToken);
        progress?.Report(new OperationProgress("verify"));
        await new BackupVerifier(MigrationCatalog.Embedded, clock).VerifyAsync(result.Path, cancellationToken);
        return result;
    }
}
