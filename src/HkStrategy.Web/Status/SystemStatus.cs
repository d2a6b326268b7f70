using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Data.Status;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Integrity;
using HkStrategy.Data.Settings;

namespace HkStrategy.Web.Status;

/// <summary>What System status shows: the database and its schema, the integrity check, the newest backup's age, row counts.</summary>
public sealed record SystemStatus(DatabaseStatus Database, IReadOnlyList<Finding> Integrity, CatalogEntry? LastBackup, TimeSpan? LastBackupAge, int BackupCount)
{
    /// <summary>A backup older than this gets a warning: the seed asks for a daily one.</summary>
    public static readonly TimeSpan BackupWarningAge = TimeSpan.FromHours(24);

    public bool BackupOverdue => LastBackupAge is not { } age || age > BackupWarningAge;

    public bool IntegrityPassed => Integrity.All(f => f.Severity != Severity.Error);

    public static async Task<SystemStatus> ReadAsync(Database database, SchemaMigrator migrator, HksHome home, TimeProvider clock, CancellationToken cancellationToken)
    {
        var status = await DatabaseStatusReader.ReadAsync(database, migrator, cancellationToken, clock);
        var integrity = await new IntegrityCheck(migrator).RunAsync(database, cancellationToken);
        var backups = await BackupCatalog.ListAsync(home.Backups, cancellationToken);
        var last = backups.Count > 0 ? backups[0] : null;
        return new SystemStatus(status, integrity, last, last is null ? null : clock.GetUtcNow() - last.CreatedAt, backups.Count);
    }
}
