using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Verify;
using HkStrategy.Operations.Databases;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// A backup restored into a scratch database on the live server, at the live database's schema version, to be
/// compared with (diff) or copied from (selective restore); dropped when disposed.
/// </summary>
public sealed class ScratchCopy : IAsyncDisposable
{
    private readonly ServerDatabases _databases;

    private ScratchCopy(ServerDatabases databases, DatabaseTarget target)
    {
        _databases = databases;
        Target = target;
    }

    public DatabaseTarget Target { get; }

    public static async Task<ScratchCopy> RestoreAsync(DatabaseTarget live, string archive, MigrationCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        BackupFormat format;
        if (File.Exists(BackupNames.ManifestPath(archive)) || archive.EndsWith(".dump", StringComparison.Ordinal))
        {
            var manifest = (await new BackupVerifier(catalog, clock).VerifyAsync(archive, cancellationToken)).Manifest;
            format = manifest.Kind == BackupKind.Full
                ? manifest.Format
                : throw HksException.Usage("NotAFullBackup", $"{Path.GetFileName(archive)} is a {manifest.Kind.Text()}-only backup: this needs a full one");
        }
        else if (File.Exists(archive))
        {
            await ArchiveReader.RequireCompletePlainDumpAsync(archive, cancellationToken);
            format = BackupFormat.SqlGz;
        }
        else
        {
            throw HksException.Usage("BackupMissing", $"there is no file {archive}");
        }
        var databases = new ServerDatabases(live);
        var scratch = await databases.CreateScratchAsync("copy", cancellationToken);
        var copy = new ScratchCopy(databases, scratch);
        try
        {
            await ArchiveRestorer.RestoreAsync(scratch, archive, format, cancellationToken);
            await using var database = new Database(scratch);
            await using var connection = await database.OpenAsync(cancellationToken);
            await new SchemaMigrator(catalog).MigrateAsync(connection, new MigrationOptions(), cancellationToken);
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await _databases.DropAsync(Target.DatabaseName, CancellationToken.None);
}
