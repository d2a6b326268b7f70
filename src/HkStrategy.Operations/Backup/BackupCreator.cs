using System.Data;
using System.IO.Compression;
using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Faults;
using HkStrategy.Operations.Files;
using HkStrategy.Operations.PgTools;
using HkStrategy.Operations.Progress;
using Npgsql;

namespace HkStrategy.Operations.Backup;

/// <summary>
/// <c>hks backup create</c>: pg_dump of one exported snapshot, so the row counts and values in the manifest describe
/// exactly what the archive holds even while others write. The archive is written under a temporary name, read back,
/// flushed and renamed; the manifest comes last.
/// </summary>
public sealed class BackupCreator(TimeProvider clock, IProgress<OperationProgress>? progress = null)
{
    public async Task<BackupResult> CreateAsync(Database database, BackupRequest request, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(request.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The server's facts and pg_dump's version (a program run) are found side by side.
        var facts = ServerFacts.ReadAsync(database, cancellationToken);
        var candidates = PgClientTools.ProbeAllAsync(cancellationToken);
        var server = await facts;
        await candidates;
        var tools = await PgClientTools.LocateAsync(server.Major, cancellationToken);
        DiskSpace.Require(request.Folder, server.DatabaseBytes / 2, "the backup");
        var name = BackupNames.FileName(request.Prefix, request.Kind, request.Format, clock.GetUtcNow());
        var partial = AtomicFile.TemporaryName(Path.Combine(request.Folder, name), "partial");

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var snapshotId = await connection.ExecuteScalarAsync<string?>("SELECT pg_export_snapshot()", cancellationToken, snapshot);
        try
        {
            progress?.Report(new OperationProgress("dump"));
            ContentSummary content;
            int? schemaVersion;
            await using (new FileGrowthReporter(partial, "dump", server.DatabaseBytes / 4, progress))
            {
                // pg_dump and the manifest's counts read the same snapshot, side by side.
                var dump = DumpAsync(tools, database.Target, request, snapshotId!, partial, cancellationToken);
                try
                {
                    // One backend for the counts: parallel workers would take the cores pg_dump's compression needs.
                    await connection.ExecuteAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken, snapshot);
                    content = await ContentReader.ReadAsync(connection, snapshot, cancellationToken);
                    schemaVersion = await ReadSchemaVersionAsync(connection, snapshot, cancellationToken);
                }
                finally
                {
                    await dump; // never leave pg_dump writing behind a failure
                }
            }
            await snapshot.CommitAsync(cancellationToken);
            FaultPoint.Reach("backup.after-dump");
            progress?.Report(new OperationProgress("read back"));
            // Read back and hashed side by side: both only read the finished file.
            var hashing = FileHash.Sha256Async(partial, cancellationToken);
            await Task.WhenAll(hashing, ArchiveReader.RequireReadableAsync(tools, partial, request.Format, cancellationToken));
            var sha256 = await hashing;
            var final = CommitUnderFreeName(partial, request.Folder, name);
            FaultPoint.Reach("backup.before-manifest");
            var manifest = new BackupManifest
            {
                CreatedAt = clock.GetUtcNow(),
                Kind = request.Kind,
                Format = request.Format,
                Label = request.Label,
                ToolVersion = tools.Version,
                ToolMajorVersion = tools.MajorVersion,
                ServerVersion = server.Version,
                ServerVersionNumber = server.VersionNumber,
                SchemaVersion = schemaVersion,
                Database = database.Target.DatabaseName,
                SystemIdentifier = server.SystemIdentifier,
                Tables = content.Tables,
                Portfolios = content.Portfolios,
                TotalMarketValue = content.TotalMarketValue,
                Archive = new ArchiveFile(Path.GetFileName(final), new FileInfo(final).Length, sha256),
            };
            await manifest.WriteAsync(final, cancellationToken);
            progress?.Report(new OperationProgress("done", Finished: true));
            return new BackupResult(final, BackupNames.ManifestPath(final), sha256, manifest.Kind, manifest.Archive.SizeBytes,
                manifest.Format, schemaVersion, content.TotalMarketValue);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Two backups in the same second get <c>…_HHMMSS.dump</c> and <c>…_HHMMSS_2.dump</c>; none is ever overwritten.</summary>
    private static string CommitUnderFreeName(string partial, string folder, string name)
    {
        var extension = name.EndsWith(".sql.gz", StringComparison.Ordinal) ? ".sql.gz" : Path.GetExtension(name);
        var stem = name[..^extension.Length];
        for (var attempt = 1; ; attempt++)
        {
            var final = Path.Combine(folder, attempt == 1 ? name : $"{stem}_{attempt}{extension}");
            try
            {
                if (!File.Exists(final))
                {
                    AtomicFile.Commit(partial, final);
                    return final;
                }
            }
            catch (IOException) when (File.Exists(final))
            {
                // Another process took this name between the check and the move: try the next.
            }
        }
    }

    private static async Task DumpAsync(PgClientTools tools, DatabaseTarget target, BackupRequest request, string snapshotId, string partial, CancellationToken cancellationToken)
    {
        List<string> arguments = ["--snapshot", snapshotId, "--no-password"];
        if (request.Kind == BackupKind.Data)
        {
            arguments.Add("--data-only");
        }
        else if (request.Kind == BackupKind.Schema)
        {
            arguments.Add("--schema-only");
        }
        ProcessResult dump;
        if (request.Format == BackupFormat.Custom)
        {
            // Created first, readable only by the user: pg_dump truncates it and keeps its mode, so no copy is ever world-readable.
            await new FileStream(partial, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }).DisposeAsync();
            dump = await ProcessRunner.RunAsync(tools.PgDump, [.. arguments, "--format=custom", "--file", partial], cancellationToken, PgEnvironment.For(target));
        }
        else
        {
            await using var file = new FileStream(partial, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
            await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            dump = await ProcessRunner.RunAsync(tools.PgDump, [.. arguments, "--format=plain"], cancellationToken, PgEnvironment.For(target), standardOutput: gzip);
        }
        if (!dump.Succeeded)
        {
            throw HksException.Environment("BackupFailed", $"pg_dump could not back up {target.Display}: {dump.LastErrorLine}");
        }
    }

    private static async Task<int?> ReadSchemaVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('hks_meta.schema_migrations') IS NOT NULL", cancellationToken, transaction)
            ? await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM hks_meta.schema_migrations", cancellationToken, transaction)
            : null;
}
