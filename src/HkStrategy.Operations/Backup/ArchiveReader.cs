using HkStrategy.Core.Failures;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.Legacy;
using HkStrategy.Operations.PgTools;

namespace HkStrategy.Operations.Backup;

/// <summary>Reads archives without restoring them: <c>pg_restore --list</c> for custom format, a full pass for gzipped SQL.</summary>
public static class ArchiveReader
{
    public static async Task RequireReadableAsync(PgClientTools tools, string path, BackupFormat format, CancellationToken cancellationToken)
    {
        if (format == BackupFormat.Custom)
        {
            await ListAsync(tools, path, cancellationToken);
        }
        else
        {
            await RequireCompletePlainDumpAsync(path, cancellationToken, gzipped: true);
        }
    }

    /// <summary>The table of contents; refuses an archive this pg_restore cannot read (damaged, or from a newer pg_dump).</summary>
    public static async Task<string> ListAsync(PgClientTools tools, string path, CancellationToken cancellationToken)
    {
        var list = await ProcessRunner.RunAsync(tools.PgRestore, ["--list", path], cancellationToken);
        if (list.Succeeded)
        {
            return list.StandardOutput;
        }
        throw list.StandardError.Contains("unsupported version", StringComparison.Ordinal)
            ? HksException.Refused("ArchiveTooNew", $"{Path.GetFileName(path)} was written by a newer pg_dump than this pg_restore ({tools.Version}): install a newer PostgreSQL client")
            : HksException.Refused("ArchiveUnreadable", $"{Path.GetFileName(path)} cannot be read as a pg_dump archive: {list.LastErrorLine}");
    }

    /// <summary>
    /// A plain SQL dump (optionally gzipped) is read to its end and checked as pg_dump's output: a truncated gzip fails
    /// to decompress, a truncated dump lacks pg_dump's closing line, a meta-command or a bomb is refused. Returns the
    /// major version of the pg_dump that wrote it, when it says.
    /// </summary>
    public static Task<int?> RequireCompletePlainDumpAsync(string path, CancellationToken cancellationToken, bool? gzipped = null) =>
        PlainDumpReader.ValidateAsync(path, cancellationToken, gzipped);
}
