using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Db;

public sealed class SchemaChangeCommandTests
{
    [Fact]
    public async Task MigrateDryRun_PrintsTheSqlAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeV1);

        var run = await HksProcess.RunAsync(["db", "migrate", "--dry-run", "--database", db.Target.ConnectionString]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ALTER TABLE portfolio_positions ADD COLUMN portfolio_id", run.Out, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('hks_meta.schema_migrations') IS NOT NULL"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.portfolios') IS NOT NULL"));
    }

    [Fact]
    public async Task Migrate_OfAPrototypeDatabase_TakesAVerifiedBackupFirst()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeV1);

        var run = await HksProcess.RunAsync(["db", "migrate", "--database", db.Target.ConnectionString]);

        Assert.Equal(0, run.ExitCode);
        var backup = run.Out.Split('\n').Single(l => l.StartsWith("backup (verified): ", StringComparison.Ordinal))["backup (verified): ".Length..].Trim();
        Assert.True(File.Exists(backup));
        Assert.Contains("adopted: the database was v1 (single-portfolio)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_WithoutAnyConfirmation_IsRefusedAndChangesNothing()
    {
        await using var db = await SeededAsync();

        var run = await HksProcess.RunAsync(["db", "rollback", "--to", "1", "--database", db.Target.ConnectionString]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("[ConfirmationRequired]", run.Error, StringComparison.Ordinal);
        Assert.Equal(HkStrategy.Data.Schema.MigrationCatalog.Embedded.Latest, await db.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
    }

    [Fact]
    public async Task Rollback_WithTheWrongNameTyped_IsCancelledAndChangesNothing()
    {
        await using var db = await SeededAsync();

        var run = await HksProcess.RunAsync(["db", "rollback", "--to", "1", "--database", db.Target.ConnectionString], input: "yes\n");

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(HkStrategy.Data.Schema.MigrationCatalog.Embedded.Latest, await db.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
    }

    [Fact]
    public async Task Rollback_ConfirmedByTypingTheDatabaseName_BacksUpThenRollsBack_AndMigrateRestoresEverything()
    {
        await using var db = await SeededAsync();
        var before = await TableSnapshot.TakeAsync(db);

        var rollback = await HksProcess.RunAsync(["db", "rollback", "--to", "1", "--database", db.Target.ConnectionString], input: db.Target.DatabaseName + "\n");
        var migrate = await HksProcess.RunAsync(["db", "migrate", "--database", db.Target.ConnectionString]);

        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("backup (verified): ", rollback.Out, StringComparison.Ordinal);
        Assert.Contains("schema version is now 1", rollback.Out, StringComparison.Ordinal);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task Rollback_WithSeveralPortfoliosHoldingPositions_NeedsKeepPortfolio()
    {
        await using var db = await SeededAsync();
        await db.ExecuteAsync("INSERT INTO portfolio_positions (portfolio_id, symbol, quantity) VALUES ('HKEX_NonTech', '0005.HK', 1)");

        var run = await HksProcess.RunAsync(["db", "rollback", "--to", "1", "--yes", "--database", db.Target.ConnectionString]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[KeepPortfolioRequired]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_OnADatabaseWithPortfolios_IsRefused()
    {
        await using var db = await SeededAsync();

        var run = await HksProcess.RunAsync(["db", "seed", "--demo", "--database", db.Target.ConnectionString]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("[DatabaseNotEmpty]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackTo0_OfADatabaseWithData_IsRefusedBeforeAnyStep()
    {
        await using var db = await SeededAsync();

        var run = await HksProcess.RunAsync(["db", "rollback", "--to", "0", "--yes", "--database", db.Target.ConnectionString]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("[WouldLoseData]", run.Error, StringComparison.Ordinal);
        Assert.Equal(HkStrategy.Data.Schema.MigrationCatalog.Embedded.Latest, await db.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
    }

    [Fact]
    public async Task Rollback_WithRowsWithoutAPortfolio_IsRefused()
    {
        await using var db = await SeededAsync();
        await db.ExecuteAsync("""
            ALTER TABLE portfolio_positions ALTER COLUMN portfolio_id DROP NOT NULL;
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity) VALUES (NULL, '0005.HK', 1);
            """);

        var run = await HksProcess.RunAsync(["db", "rollback", "--to", "1", "--yes", "--database", db.Target.ConnectionString]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("[NullPortfolioIds]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateToAnUnknownVersion_OfAnUnrecordedDatabase_RecordsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeV1);

        var run = await HksProcess.RunAsync(["db", "migrate", "--to", "9", "--no-backup", "--database", db.Target.ConnectionString]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[UnknownVersion]", run.Error, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('hks_meta.schema_migrations') IS NOT NULL"));
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await HksProcess.RunAsync(["db", "seed", "--demo", "--database", db.Target.ConnectionString])).ExitCode);
        return db;
    }
}
