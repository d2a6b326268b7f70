using HkStrategy.Data.Connection;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.PgTools;
using Xunit;

namespace HkStrategy.Testing;

/// <summary>
/// The prototype's own SQL scripts in <c>../shared/prototype</c> beside the checkout (read-only, never copied into the
/// project), run with psql as the prototype's users ran them. Tests that need them are <see cref="PrototypeFactAttribute"/>s.
/// </summary>
public static class PrototypeScripts
{
    public static string? Folder { get; } = Find();

    public static string Path(string name) =>
        System.IO.Path.Combine(Folder ?? throw new InvalidOperationException("../shared/prototype is absent"), name);

    /// <summary>
    /// Runs one of the scripts with psql: stopping at the first error (as run_migration.py did), or, with
    /// <paramref name="onErrorStop"/> false, going on past errors as a user typing <c>psql -f</c> would. Returns psql's result.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(TestDatabase database, string name, bool onErrorStop = true)
    {
        var tools = await PgClientTools.LocateAsync(15, CancellationToken.None);
        return await ProcessRunner.RunAsync(tools.Psql, ["--no-psqlrc", "--set", $"ON_ERROR_STOP={(onErrorStop ? 1 : 0)}", "--file", Path(name)],
            CancellationToken.None, PgEnvironment.For(database.Target));
    }

    private static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "shared", "prototype");
            if (File.Exists(System.IO.Path.Combine(candidate, "migration_v1_to_v2.sql")))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>A test that runs the prototype's own scripts: skipped, saying why, where ../shared/prototype is absent.</summary>
public sealed class PrototypeFactAttribute : FactAttribute
{
    public PrototypeFactAttribute()
    {
        if (PrototypeScripts.Folder is null)
        {
            Skip = "the prototype's scripts are not beside this checkout (../shared/prototype is absent)";
        }
    }
}
