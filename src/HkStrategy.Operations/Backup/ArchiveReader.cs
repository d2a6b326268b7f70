using System.IO.Compression;
using System.Text;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.PgTools;

namespace HkStrategy.Operations.Backup;

/// <summary>Reads archives without restoring them: <c>pg_restore --list</c> for custom format, a full pass for gzipped SQL.</summary>
public static class ArchiveReader
{
    private const string PlainDumpTrailer = "-- PostgreSQL database dump complete";

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
    /// A plain SQL dump (optionally gzipped) is read to its end: a truncated gzip fails to decompress, a truncated
    /// dump lacks pg_dump's closing line. Returns the major version of the pg_dump that wrote it, when it says.
    /// </summary>
    public static async Task<int?> RequireCompletePlainDumpAsync(string path, CancellationToken cancellationToken, bool? gzipped = null)
    {
        var isGzip = gzipped ?? path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        int? dumpedBy = null;
        var complete = false;
        try
        {
            await using var file = File.OpenRead(path);
            await using Stream input = isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(input, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (dumpedBy is null && line.StartsWith("-- Dumped by pg_dump version ", StringComparison.Ordinal))
                {
                    dumpedBy = PgBinaries.ParseMajor(line);
                }
                complete = line.StartsWith(PlainDumpTrailer, StringComparison.Ordinal) || (complete && (line.Length == 0 || line.StartsWith("\\unrestrict", StringComparison.Ordinal) || line.StartsWith("--", StringComparison.Ordinal)));
            }
        }
        catch (InvalidDataException error)
        {
            throw HksException.Refused("ArchiveUnreadable", $"{Path.GetFileName(path)} is not a complete gzip file: {error.Message}");
        }
        catch (EndOfStreamException)
        {
            throw HksException.Refused("ArchiveUnreadable", $"{Path.GetFileName(path)} is a truncated gzip file");
        }
        return complete
            ? dumpedBy
            : throw HksException.Refused("ArchiveIncomplete", $"{Path.GetFileName(path)} does not end with pg_dump's \"dump complete\" line: it is truncated or not a pg_dump file");
    }
}
