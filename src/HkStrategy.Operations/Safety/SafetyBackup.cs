using HkStrategy.Data.Connection;
using HkStrategy.Operations.Backup;

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
        var backup = await new VerifiedBackup(clock).CreateAsync(database, new BackupRequest(folder, Label: prefix.Replace('_', ' ')) { Prefix = prefix }, cancellationToken);
        return new SafetyBackupFile(backup.Path, backup.SizeBytes);
    }
}
