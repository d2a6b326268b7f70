using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Legacy;
using HkStrategy.Operations.PgTools;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// Restores an archive into an empty database with errors fatal: pg_restore <c>--exit-on-error --single-transaction</c>
/// for custom format, psql <c>ON_ERROR_STOP</c> in one transaction for SQL. Never "success" with ignored errors.
/// </summary>
public static class ArchiveRestorer
{
    public static async Task RestoreAsync(DatabaseTarget into, string archive, BackupFormat format, CancellationToken cancellationToken, bool dataOnly = false)
    {
        if (format == BackupFormat.SqlGz)
        {
            await PlainSqlLoader.LoadAsync(new Database(into), archive, cancellationToken);
            return;
        }
        await using var database = new Database(into);
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(database, cancellationToken), cancellationToken);
        List<string> arguments = ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--dbname", into.DatabaseName];
        if (dataOnly)
        {
            arguments.Add("--data-only");
        }
        var result = await ProcessRunner.RunAsync(tools.PgRestore, [.. arguments, archive], cancellationToken, PgEnvironment.For(into));
        if (!result.Succeeded)
        {
            throw HksException.CheckFailed("RestoreFailed", $"pg_restore stopped at the first error, nothing of it was kept: {result.LastErrorLine}");
        }
    }
}
