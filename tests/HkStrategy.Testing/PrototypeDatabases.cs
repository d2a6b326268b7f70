using HkStrategy.Operations.Legacy;

namespace HkStrategy.Testing;

/// <summary>Fills a test database with one of the prototype's dumps, as a user restoring it would.</summary>
public static class PrototypeDatabases
{
    public static Task LoadAsync(TestDatabase database, string dumpPath) =>
        PlainSqlLoader.LoadAsync(database.Database, dumpPath, CancellationToken.None);

    /// <summary>
    /// The prototype's own "schema 2.0": its transitional dump, then what its migration_v1_to_v2.sql leaves
    /// (fixtures/prototype/prototype_v2_additions.sql, written from that script's facts).
    /// </summary>
    public static async Task<TestDatabase> PrototypeV2Async()
    {
        var database = await TestDatabase.CreateAsync();
        await LoadAsync(database, Fixtures.PrototypeTransitional);
        await database.ExecuteAsync(await File.ReadAllTextAsync(Fixtures.Path("prototype", "prototype_v2_additions.sql")));
        return database;
    }

    /// <summary>The prototype's v2 as its own migration_v1_to_v2.sql (run with psql) makes it from its transitional database.</summary>
    public static async Task<TestDatabase> PrototypeV2ByItsScriptAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await LoadAsync(database, Fixtures.PrototypeTransitional);
        var ran = await PrototypeScripts.RunAsync(database, "migration_v1_to_v2.sql");
        return ran.ExitCode == 0 ? database : throw new InvalidOperationException("migration_v1_to_v2.sql failed: " + ran.StandardError);
    }

    /// <summary>
    /// A prototype database a user can have, built from the project's fixtures (written from the facts of the
    /// prototype's scripts): <c>v2</c>; <c>v2-after-remove-old</c> (its remove_old_analysis_tables.sql);
    /// <c>v2-after-new-analysis</c> (that, then its create_new_analysis_schema.sql); <c>v2-with-signals</c> (its
    /// strategic_signal_final_migration.sql and its dashboard's technicals table); <c>v1-migrated</c> (its
    /// migration_v1_to_v2.sql on a version-1 database its dashboard never opened); <c>v1-after-remove-old</c> and
    /// <c>transitional-after-remove-old</c> (its remove_old_analysis_tables.sql on those).
    /// </summary>
    public static async Task<TestDatabase> ShapeAsync(string shape)
    {
        if (shape is "v1-migrated" or "v1-after-remove-old" or "transitional-after-remove-old")
        {
            var older = await TestDatabase.CreateAsync();
            await LoadAsync(older, shape.StartsWith("v1", StringComparison.Ordinal) ? Fixtures.PrototypeV1 : Fixtures.PrototypeTransitional);
            await ApplyAsync(older, shape == "v1-migrated" ? "bare_v1_prototype_migration.sql" : "later_remove_old_analysis_tables.sql");
            return older;
        }
        var database = await PrototypeV2Async();
        string[] later = shape switch
        {
            "v2" => [],
            "v2-after-remove-old" => ["later_remove_old_analysis_tables.sql"],
            "v2-after-new-analysis" => ["later_remove_old_analysis_tables.sql", "later_new_analysis_schema.sql"],
            "v2-with-signals" => ["later_strategic_signals.sql", "dashboard_technicals.sql"],
            _ => throw new ArgumentException($"no prototype shape '{shape}'", nameof(shape)),
        };
        foreach (var fixture in later)
        {
            await ApplyAsync(database, fixture);
        }
        return database;
    }

    private static async Task ApplyAsync(TestDatabase database, string fixture) =>
        await database.ExecuteAsync(await File.ReadAllTextAsync(Fixtures.Path("prototype", fixture)));
}
