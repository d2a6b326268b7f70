using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.PgTools;

namespace HkStrategy.Operations.Legacy;

/// <summary>
/// Loads a plain SQL dump (<c>.sql</c> or <c>.sql.gz</c>, as the prototype's pg_dump made them) with psql in one
/// transaction, stopping at the first error, streamed line by line. Ownership and grants name roles (such as
/// <c>trader</c>) that need not exist here, so they are left out: the objects belong to the user who loads them.
/// </summary>
public static partial class PlainSqlLoader
{
    public static async Task LoadAsync(Database database, string path, CancellationToken cancellationToken)
    {
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(database, cancellationToken), cancellationToken);
        var result = await ProcessRunner.RunAsync(tools.Psql,
            ["--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1", "--file", "-"],
            cancellationToken, PgEnvironment.For(database.Target),
            writeInput: (stdin, token) => CopyMappedAsync(path, stdin, token));
        if (!result.Succeeded)
        {
            throw HksException.CheckFailed("SqlLoadFailed", $"{Path.GetFileName(path)} did not load, nothing was kept: {result.LastErrorLine}");
        }
    }

    public static async Task<string> MapOwnershipAsync(string path, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await CopyMappedAsync(path, output, cancellationToken);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static async Task CopyMappedAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input, Encoding.UTF8);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var inCopyData = false; // rows of a COPY … FROM stdin block are data, never statements
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (inCopyData)
            {
                inCopyData = line != "\\.";
                await writer.WriteLineAsync(line);
                continue;
            }
            inCopyData = line.StartsWith("COPY ", StringComparison.Ordinal) && line.EndsWith("FROM stdin;", StringComparison.Ordinal);
            await writer.WriteLineAsync(RoleStatement().IsMatch(line) ? "-- hks: left out (names a role): " + line : line);
        }
        await writer.FlushAsync(cancellationToken);
    }

    [GeneratedRegex(@"^\s*(ALTER\s+.+\s+OWNER\s+TO\s+.+;|ALTER\s+DEFAULT\s+PRIVILEGES\s+.+;|SET\s+(SESSION\s+AUTHORIZATION|ROLE)\s+.+;|GRANT\s+.+;|REVOKE\s+.+;)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleStatement();
}
