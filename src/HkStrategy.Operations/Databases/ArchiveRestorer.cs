using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Legacy;
using HkStrategy.Operations.PgTools;
using HkStrategy.Operations.Progress;

namespace HkStrategy.Operations.Databases;

/// <summary>
/// Restores an archive into an empty database with errors fatal: pg_restore <c>--exit-on-error --single-transaction</c>
/// for custom format, psql <c>ON_ERROR_STOP</c> in one transaction for SQL. Never "success" with ignored errors.
/// </summary>
public static partial class ArchiveRestorer
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+; \d+ \d+ SCHEMA - public ", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex PublicSchemaEntry();

    public static async Task RestoreAsync(DatabaseTarget into, string archive, BackupFormat format, CancellationToken cancellationToken,
        bool dataOnly = false, IProgress<OperationProgress>? progress = null)
    {
        await using var database = new Database(into);
        if (format == BackupFormat.SqlGz)
        {
            await PlainSqlLoader.LoadAsync(database, archive, cancellationToken);
            return;
        }
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(database, cancellationToken), cancellationToken);
        var contents = await ArchiveReader.ListAsync(tools, archive, cancellationToken);
        if (!dataOnly && PublicSchemaEntry().IsMatch(contents))
        {
            // The source's public schema was dropped and created again, so the archive creates it: make room for it.
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var drop = new Npgsql.NpgsqlCommand("DROP SCHEMA public", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        List<string> arguments = ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--verbose", "--dbname", into.DatabaseName];
        if (dataOnly)
        {
            arguments.Add("--data-only");
        }
        // Progress: pg_restore --verbose names each archive entry it creates or loads; the table of contents counts them.
        var entries = contents.Split('\n').Count(line => line.Length > 0 && line[0] != ';');
        var done = 0;
        const string step = "restore into a scratch database";
        // Rows loaded into a schema that has the ledger's triggers come back as they were: nothing is recorded anew.
        var environment = dataOnly ? new Dictionary<string, string?>(PgEnvironment.For(into)) { ["PGOPTIONS"] = "-c hks.restoring=on" } : PgEnvironment.For(into);
        var result = await ProcessRunner.RunAsync(tools.PgRestore, [.. arguments, archive], cancellationToken, environment,
            onErrorLine: line =>
            {
                if (line.StartsWith("pg_restore: creating ", StringComparison.Ordinal) || line.StartsWith("pg_restore: processing data ", StringComparison.Ordinal))
                {
                    progress?.Report(new OperationProgress(step, Interlocked.Increment(ref done), entries, Unit: "entries"));
                }
            });
        if (!result.Succeeded)
        {
            throw HksException.CheckFailed("RestoreFailed", $"pg_restore stopped at the first error, nothing of it was kept: {result.LastErrorLine}");
        }
    }
}
