namespace HkStrategy.Web.Backups;

/// <summary><c>/backups/{file}/download</c>: an archive of the catalog, found by its name (never a path from the request).</summary>
public static class BackupDownload
{
    public static void MapBackupDownload(this WebApplication app) =>
        app.MapGet("/backups/{file}/download", async (string file, BackupEntries entries, CancellationToken cancellationToken) =>
        {
            var entry = await entries.FindAsync(file, cancellationToken);
            return Results.File(entry.Path, "application/octet-stream", entry.File, enableRangeProcessing: true);
        }).WithTags("Backups").WithSummary("Download a backup archive of the catalog");
}
