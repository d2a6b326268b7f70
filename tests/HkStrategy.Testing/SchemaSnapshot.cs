using HkStrategy.Data.Processes;
using HkStrategy.Operations.PgTools;

namespace HkStrategy.Testing;

/// <summary>The DDL of one schema as pg_dump prints it: two snapshots are equal when the schemas are.</summary>
public static class SchemaSnapshot
{
    public static async Task<string> TakeAsync(TestDatabase database, string schema = "public")
    {
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(database.Database, CancellationToken.None), CancellationToken.None);
        var dump = await ProcessRunner.RunAsync(tools.PgDump, ["--schema-only", "--no-owner", "--schema", schema],
            CancellationToken.None, PgEnvironment.For(database.Target));
        if (!dump.Succeeded)
        {
            throw new InvalidOperationException(dump.StandardError);
        }
        // pg_dump brackets its output with \restrict / \unrestrict and a random key each run: not part of the schema.
        return string.Join('\n', dump.StandardOutput.Split('\n').Where(line => !line.StartsWith("\\restrict", StringComparison.Ordinal) && !line.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }
}
