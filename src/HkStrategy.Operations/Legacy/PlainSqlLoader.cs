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
/// transaction, stopping at the first error. Ownership and grants name roles (such as <c>trader</c>) that need not
/// exist here, so they are left out: the objects belong to the user who loads them.
/// </summary>
public static partial class PlainSqlLoader
{
    public static async Task LoadAsync(Database database, string path, CancellationToken cancellationToken)
    {
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(database, cancellationToken), cancellationToken);
        await using var mapped = new MemoryStream(Encoding.UTF8.GetBytes(await MapOwnershipAsync(path, cancellationToken)));
        var result = await ProcessRunner.RunAsync(tools.Psql,
            ["--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1", "--file", "-"],
            cancellationToken, PgEnvironment.For(database.Target), mapped);
        if (!result.Succeeded)
        {
            throw HksException.CheckFailed("SqlLoadFailed", $"{Path.GetFileName(path)} did not load, nothing was kept: {result.LastErrorLine}");
        }
    }

    public static async Task<string> MapOwnershipAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input, Encoding.UTF8);
        var output = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            output.AppendLine(RoleStatement().IsMatch(line) ? "-- hks: left out (names a role): " + line : line);
        }
        return output.ToString();
    }

    [GeneratedRegex(@"^\s*(ALTER\s+.+\s+OWNER\s+TO\s+.+;|ALTER\s+DEFAULT\s+PRIVILEGES\s+.+;|SET\s+(SESSION\s+AUTHORIZATION|ROLE)\s+.+;|GRANT\s+.+;|REVOKE\s+.+;)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleStatement();
}
