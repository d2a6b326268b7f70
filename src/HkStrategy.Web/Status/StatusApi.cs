using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using HkStrategy.Data.Settings;

namespace HkStrategy.Web.Status;

/// <summary><c>/api/status</c>: what System status shows, on any schema version.</summary>
public static class StatusApi
{
    public static void MapStatusApi(this RouteGroupBuilder api) =>
        api.MapGet("/status", ReadAsync).WithTags("Status");

    private static async Task<Ok<StatusResponse>> ReadAsync(Database database, SchemaMigrator migrator, HksHome home, TimeProvider clock, CancellationToken cancellationToken)
    {
        var status = await SystemStatus.ReadAsync(database, migrator, home, clock, cancellationToken);
        var db = status.Database;
        return TypedResults.Ok(new StatusResponse(db.Target, db.ServerVersion, db.SchemaVersion, migrator.Catalog.Latest, db.PendingMigrations,
            status.IntegrityPassed, status.Integrity.Select(f => new FindingResponse(f.Check, f.Severity.ToString().ToLowerInvariant(), f.Message)).ToList(),
            status.LastBackup?.File, status.LastBackup?.CreatedAt, status.BackupOverdue, db.Tables, db.Totals, db.Warnings, db.Notices));
    }

    public sealed record FindingResponse(string Check, string Severity, string Message);

    public sealed record StatusResponse(
        string Target, string ServerVersion, int? SchemaVersion, int LatestSchemaVersion, IReadOnlyList<int> PendingMigrations, bool IntegrityPassed,
        IReadOnlyList<FindingResponse> Integrity, string? LastBackup, DateTimeOffset? LastBackupAt, bool BackupOverdue,
        IReadOnlyDictionary<string, long> Tables, HkStrategy.Data.Status.StatusTotals Totals, IReadOnlyList<string> Warnings, IReadOnlyList<string> Notices);
}
