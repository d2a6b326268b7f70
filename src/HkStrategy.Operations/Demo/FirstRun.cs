using HkStrategy.Data.Connection;
using HkStrategy.Data.Demo;
using HkStrategy.Data.Schema;

namespace HkStrategy.Operations.Demo;

/// <summary>
/// The product's first run: an empty database is migrated to the latest version and, when asked, filled with the
/// demo state. A database that holds anything is left exactly as it is.
/// </summary>
public sealed class FirstRun(SchemaMigrator migrator, TimeProvider clock)
{
    /// <summary>Returns whether the database was empty and has been prepared.</summary>
    public async Task<bool> PrepareIfEmptyAsync(Database database, bool withDemo, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var state = await migrator.InspectAsync(connection, cancellationToken);
        if (state.IsRecorded || state.Detected.Shape != SchemaShape.Empty)
        {
            return false;
        }
        await migrator.MigrateAsync(connection, new MigrationOptions(), cancellationToken);
        if (withDemo)
        {
            await new DemoSeeder(clock).SeedAsync(database, migrator, cancellationToken);
            await new DemoSignals(clock).GenerateAsync(database, cancellationToken);
        }
        return true;
    }
}
