using Dapper;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Verify;
using HkStrategy.Operations.Databases;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Operations.Restore;

/// <summary>How a pre-restore copy went: dropped as it was in a verified backup already, or after a verified backup of its own.</summary>
public sealed record CopyDropped(string Database, string Backup, bool BackedUpNow);

/// <summary>
/// The databases complete restores kept (<c>LIVE_pre_restore_STAMP</c>). One is dropped only when every row it holds
/// is in a verified backup: its restore's emergency backup, if the copy is still closed to connections as the restore
/// left it; otherwise a verified backup of the copy is taken first.
/// </summary>
public sealed class PreRestoreCopies(DatabaseTarget live, string home, string backupFolder, MigrationCatalog catalog, TimeProvider clock)
{
    private readonly ServerDatabases _databases = new(live);

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _databases.OpenMaintenanceAsync(cancellationToken);
        return (await connection.QueryAsync<string>(
            "SELECT datname FROM pg_database WHERE datname LIKE @pattern ORDER BY datname",
            new { pattern = live.DatabaseName.Replace("_", "\\_", StringComparison.Ordinal) + "\\_pre\\_restore\\_%", cancellationToken })).ToList();
    }

    public async Task<CopyDropped> DropAsync(string copy, CancellationToken cancellationToken)
    {
        var backup = await CoveringBackupAsync(copy, cancellationToken);
        var backedUpNow = backup is null;
        if (backup is null)
        {
            await WriteFreeze.OpenAsync(_databases, copy, cancellationToken); // a closed copy must be read to be backed up
            await using var database = new Database(live.WithDatabase(copy));
            backup = (await new SafetyBackup(backupFolder, clock).TakeAsync(database, "pre_restore_copy", cancellationToken)).Path;
        }
        await _databases.DropAsync(copy, cancellationToken);
        return new CopyDropped(copy, backup, backedUpNow);
    }

    /// <summary>
    /// The emergency backup that holds the copy's every row, or null when none provably does: the copy must still be
    /// closed to connections since its restore switched (nobody could have written to it) and the backup must verify.
    /// </summary>
    private async Task<string?> CoveringBackupAsync(string copy, CancellationToken cancellationToken)
    {
        var journal = RestoreJournal.ReadAll(home).LastOrDefault(j => string.Equals(j.PreRestoreDatabase, copy, StringComparison.Ordinal) && j.FrozeLive);
        if (journal?.EmergencyBackup is not { } emergency || !File.Exists(emergency))
        {
            return null;
        }
        await using (var maintenance = await _databases.OpenMaintenanceAsync(cancellationToken))
        {
            if (!await WriteFreeze.IsClosedAsync(maintenance, copy, cancellationToken))
            {
                return null; // someone opened it again: it may hold writes made since
            }
        }
        try
        {
            await new BackupVerifier(catalog, clock).VerifyAsync(emergency, cancellationToken);
            return emergency;
        }
        catch (Core.Failures.HksException)
        {
            return null; // the emergency backup no longer verifies
        }
    }
}
