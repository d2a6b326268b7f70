using HkStrategy.Core.Failures;
using HkStrategy.Data.Embedded;
using HkStrategy.Operations.Backup;
using HkStrategy.Data.Settings;

namespace HkStrategy.Web.Backups;

/// <summary>
/// Backups are named by their catalog entry's file name, never by a path: a name that is not in the backup folder's
/// catalog (or tries to leave it) is refused, so no request can make the dashboard read or restore another file.
/// </summary>
public sealed class BackupEntries(HksHome home)
{
    public string Folder => home.Backups;

    public Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken) => BackupCatalog.ListAsync(home.Backups, cancellationToken);

    public async Task<CatalogEntry> FindAsync(string? file, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(file) || file != Path.GetFileName(file))
        {
            throw HksException.Usage("BackupMissing", $"'{file}' is not a backup in the catalog");
        }
        return (await ListAsync(cancellationToken)).FirstOrDefault(e => string.Equals(e.File, file, StringComparison.Ordinal))
            ?? throw HksException.Usage("BackupMissing", $"there is no backup '{file}' in the catalog");
    }
}
