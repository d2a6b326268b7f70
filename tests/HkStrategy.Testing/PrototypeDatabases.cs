using HkStrategy.Operations.Legacy;

namespace HkStrategy.Testing;

/// <summary>Fills a test database with one of the prototype's dumps, as a user restoring it would.</summary>
public static class PrototypeDatabases
{
    public static Task LoadAsync(TestDatabase database, string dumpPath) =>
        PlainSqlLoader.LoadAsync(database.Database, dumpPath, CancellationToken.None);
}
