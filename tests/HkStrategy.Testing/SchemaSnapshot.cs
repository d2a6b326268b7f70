using HkStrategy.Data.Processes;
using HkStrategy.Operations.PgTools;

namespace HkStrategy.Testing;

/// <summary>The DDL of one schema as pg_dump prints it: two snapshots are equal when the schemas are.</summary>
public static class SchemaSnapshot
{
    public static Task<string> TakeAsync(TestDatabase database, string schema = "public") => TakeAsync(database.Target, schema);

    public static async Task<string> TakeAsync(HkStrategy.Data.Connection.DatabaseTarget target, string schema = "public")
    {
        await using var database = new HkStrategy.Data.Connection.Database(target);
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(database, CancellationToken.None), CancellationToken.None);
        var dump = await ProcessRunner.RunAsync(tools.PgDump, ["--schema-only", "--no-owner", "--no-privileges", "--schema", schema],
            CancellationToken.None, PgEnvironment.For(target));
        if (!dump.Succeeded)
        {
            throw new InvalidOperationException(dump.StandardError);
        }
        // pg_dump brackets its output with \restrict / \unrestrict and a random key each run: not part of the schema.
        return string.Join('\n', dump.StandardOutput.Split('\n').Where(line => !line.StartsWith("\\restrict", StringComparison.Ordinal) && !line.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }
}
