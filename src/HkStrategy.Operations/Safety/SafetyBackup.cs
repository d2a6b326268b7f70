using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Verify;

namespace HkStrategy.Operations.Safety;

/// <summary>A verified backup written just before a schema change, in the folder the backup catalog uses.</summary>
public sealed record SafetyBackupFile(string Path, long SizeBytes);

/// <summary>
/// The backup every schema change is preceded by: a full backup with its manifest (<see cref="BackupCreator"/>),
/// verified before the change may start, listed and restorable like any other.
/// </summary>
public sealed class SafetyBackup(string folder, TimeProvider clock)
{
    public async Task<SafetyBackupFile> TakeAsync(Database database, string prefix, CancellationToken cancellationToken)
    {
        var backup = await new BackupCreator(clock).CreateAsync(database, new BackupRequest(folder, Label: prefix.Replace('_', ' ')) { Prefix = prefix }, cancellationToken);
        await new BackupVerifier(MigrationCatalog.Embedded, clock).VerifyAsync(backup.Path, cancellationToken);
        return new SafetyBackupFile(backup.Path, backup.SizeBytes);
    }
}
