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
}
