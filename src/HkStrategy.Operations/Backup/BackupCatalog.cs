
namespace HkStrategy.Operations.Backup;

/// <summary>
/// One archive in the backup folder, as <c>hks backup list</c> shows it; without a manifest its kind is unknown and
/// its format what its name says (none for plain SQL).
/// </summary>
public sealed record CatalogEntry(
    string Path,
    string File,
    DateTimeOffset CreatedAt,
    long SizeBytes,
    BackupKind? Kind,
    BackupFormat? Format,
    int? SchemaVersion,
    string? Label,
    bool HasManifest,
    DateTimeOffset? VerifiedAt,
    bool Drilled,
    decimal? TotalMarketValue)
{
    public string KindText => Kind?.Text() ?? "unknown";

    public string FormatText => Format?.Text() ?? "sql";
}

/// <summary>The backups in a folder: every archive (.dump, .sql.gz, .sql) with what its manifest and verification say.</summary>
public static class BackupCatalog
{
    public static async Task<IReadOnlyList<CatalogEntry>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var entries = new List<CatalogEntry>();
        foreach (var path in Directory.GetFiles(folder).Where(IsArchive))
        {
            var info = new FileInfo(path);
            var manifest = await TryReadManifestAsync(path, cancellationToken);
            var verification = VerificationRecord.Read(path);
            entries.Add(new CatalogEntry(path, info.Name, manifest?.CreatedAt ?? info.LastWriteTimeUtc, info.Length,
                manifest?.Kind, manifest?.Format ?? BackupNames.FormatOfFile(path),
                manifest?.SchemaVersion, manifest?.Label, manifest is not null, verification?.VerifiedAt, verification?.Drilled ?? false,
                manifest?.TotalMarketValue));
        }
        return entries.OrderByDescending(e => e.CreatedAt).ToList();
    }

    public static bool IsArchive(string path) =>
        path.EndsWith(".dump", StringComparison.Ordinal) || path.EndsWith(".sql.gz", StringComparison.Ordinal) || path.EndsWith(".sql", StringComparison.Ordinal);

    /// <summary>A name without a folder that is not in the current one is looked up in the backup folder.</summary>
    public static string Resolve(string file, string folder) =>
        !File.Exists(file) && System.IO.Path.GetFileName(file) == file && File.Exists(System.IO.Path.Combine(folder, file))
            ? System.IO.Path.Combine(folder, file)
            : System.IO.Path.GetFullPath(file);

    private static async Task<BackupManifest?> TryReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await BackupManifest.ReadAsync(path, cancellationToken);
        }
        catch (HkStrategy.Core.Failures.HksException)
        {
            return null;
        }
    }
}
