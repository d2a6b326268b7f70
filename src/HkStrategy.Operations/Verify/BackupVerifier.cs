using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Files;
using HkStrategy.Operations.PgTools;
using HkStrategy.Operations.Databases;

namespace HkStrategy.Operations.Verify;

/// <summary>What a verification established: the manifest, and each check passed, in order.</summary>
public sealed record VerificationReport(string Path, BackupManifest Manifest, IReadOnlyList<string> Passed, bool Drilled);

/// <summary>
/// <c>hks backup verify</c>: manifest, size, SHA-256, schema version known, archive readable by this pg_restore; with a
/// drill, restored into a scratch database whose row counts and portfolio values must equal the manifest's.
/// Any failure is a refusal (exit 4) naming what is wrong; nothing is changed.
/// </summary>
public sealed class BackupVerifier(MigrationCatalog catalog, TimeProvider clock)
{
    public async Task<VerificationReport> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw HksException.Usage("BackupMissing", $"there is no file {path}");
        }
        var passed = new List<string>();
        var manifest = await BackupManifest.ReadAsync(path, cancellationToken);
        passed.Add("manifest present and readable");
        if (!string.Equals(manifest.Archive.File, Path.GetFileName(path), StringComparison.Ordinal))
        {
            throw HksException.Refused("ManifestMismatch", $"the manifest describes {manifest.Archive.File}, not {Path.GetFileName(path)}");
        }
        var size = new FileInfo(path).Length;
        if (size != manifest.Archive.SizeBytes)
        {
            throw HksException.Refused("SizeMismatch", string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(path)} is {size:N0} bytes, its manifest says {manifest.Archive.SizeBytes:N0}: truncated or appended to"));
        }
        passed.Add(string.Create(CultureInfo.InvariantCulture, $"size {size:N0} bytes"));
        var sha256 = await FileHash.Sha256Async(path, cancellationToken);
        if (!string.Equals(sha256, manifest.Archive.Sha256, StringComparison.Ordinal))
        {
            throw HksException.Refused("ChecksumMismatch", $"{Path.GetFileName(path)} does not match the SHA-256 in its manifest: the file was changed or damaged");
        }
        passed.Add("SHA-256 matches the manifest");
        if (manifest.SchemaVersion > catalog.Latest)
        {
            throw HksException.Refused("SchemaNewerThanProgram",
                $"the backup is at schema version {manifest.SchemaVersion}, newer than this program knows ({catalog.Latest}): upgrade hks");
        }
        var format = manifest.Format;
        var tools = await PgClientTools.LocateAsync(manifest.ToolMajorVersion, cancellationToken);
        await ArchiveReader.RequireReadableAsync(tools, path, format, cancellationToken);
        passed.Add($"archive readable by {tools.Version}");
        if (VerificationRecord.Read(path) is not { Drilled: true })
        {
            await VerificationRecord.WriteAsync(path, drilled: false, clock, cancellationToken);
        }
        return new VerificationReport(path, manifest, passed, Drilled: false);
    }

    /// <summary>Verifies, then restores into a scratch database on <paramref name="server"/> and compares it with the manifest.</summary>
    public async Task<VerificationReport> DrillAsync(string path, DatabaseTarget server, CancellationToken cancellationToken)
    {
        var report = await VerifyAsync(path, cancellationToken);
        var manifest = report.Manifest;
        var databases = new ServerDatabases(server);
        var scratch = await databases.CreateScratchAsync("drill", cancellationToken);
        try
        {
            await RestoreForDrillAsync(scratch, path, manifest, cancellationToken);
            await using var database = new Database(scratch);
            await using var connection = await database.OpenAsync(cancellationToken);
            var restored = await ContentReader.ReadAsync(connection, null, cancellationToken);
            var differences = manifest.Kind == BackupKind.Schema
                ? manifest.Tables.Keys.Except(restored.Tables.Keys, StringComparer.Ordinal).Select(t => $"table {t} is missing").ToList()
                : ContentReader.Compare(manifest.Content, restored);
            if (differences.Count > 0)
            {
                throw HksException.Refused("DrillMismatch", $"the restored copy differs from the manifest: {string.Join("; ", differences)}");
            }
        }
        finally
        {
            await databases.DropAsync(scratch.DatabaseName, CancellationToken.None);
        }
        var passed = report.Passed.Append("drill: restored into a scratch database; every table's rows and every portfolio's value equal the manifest").ToList();
        await VerificationRecord.WriteAsync(path, drilled: true, clock, cancellationToken);
        return report with { Passed = passed, Drilled = true };
    }

    private async Task RestoreForDrillAsync(DatabaseTarget scratch, string path, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var format = manifest.Format;
        if (manifest.Kind != BackupKind.Data)
        {
            await ArchiveRestorer.RestoreAsync(scratch, path, format, cancellationToken);
            return;
        }
        // Rows only: build the schema the rows came from first, then load them into it.
        await using var database = new Database(scratch);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await new SchemaMigrator(catalog).MigrateAsync(connection, new MigrationOptions { TargetVersion = manifest.SchemaVersion ?? catalog.Latest }, cancellationToken);
            // The archive holds every row, those the migrations wrote (the version record, the strategy catalog) too.
            // hks.restoring: the ledger's journal, which only grows, is emptied here and loaded as the archive has it.
            await using var clear = new Npgsql.NpgsqlCommand("""
                SET hks.restoring = 'on';
                DO $$
                BEGIN
                    EXECUTE (SELECT 'TRUNCATE hks_meta.schema_migrations, hks_meta.schema_history'
                                    || COALESCE(', ' || string_agg(format('public.%I', tablename), ', '), '')
                             FROM pg_tables WHERE schemaname = 'public');
                END $$
                """, connection);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await ArchiveRestorer.RestoreAsync(scratch, path, format, cancellationToken, dataOnly: format == BackupFormat.Custom);
    }
}
