using HkStrategy.Core.Failures;
using HkStrategy.Data.Schema;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

public sealed class AdoptionTests
{
    [Fact]
    public async Task PrototypeV1Dump_IsClassifiedAsVersion1AndMigratedIntoTheOldestPortfolio()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeV1);

        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.SinglePortfolio, outcome.Adopted!.Shape);
        Assert.Equal(["DEFAULT"], await db.QueryAsync<string>("SELECT DISTINCT portfolio_id FROM portfolio_positions"));
        Assert.Equal("Legacy Portfolio", await db.ScalarAsync<string>("SELECT name FROM portfolios WHERE portfolio_id = 'DEFAULT'"));
        Assert.Equal(4052660.20m, await db.ScalarAsync<decimal>("SELECT SUM(market_value) FROM portfolio_positions"));
        Assert.Equal(4, await db.ScalarAsync<int>("SELECT COUNT(*) FROM trading_signals WHERE portfolio_id = 'DEFAULT'"));
        Assert.Equal("adopted", await db.ScalarAsync<string>("SELECT how FROM hks_meta.schema_migrations WHERE version = 1"));
        Assert.Equal("v1 (single-portfolio)", await db.ScalarAsync<string>("SELECT detail FROM hks_meta.schema_history WHERE event = 'classified'"));
    }

    [Theory]
    [InlineData("prototype_transitional.sql")]
    [InlineData("prototype_transitional.sql.gz")]
    public async Task PrototypeTransitionalDump_OwnedByAMissingRole_IsAdoptedWithNothingDropped(string dump)
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.Path("prototype", dump));
        var before = await TableSnapshot.TakeAsync(db);

        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.Transitional, outcome.Adopted!.Shape);
        var after = await TableSnapshot.TakeAsync(db);
        foreach (var table in SchemaClassifier.TransitionalTables)
        {
            Assert.Equal(before[table], after[table]);
        }
        Assert.Equal(["My_HKEX_ALL"], await db.QueryAsync<string>("SELECT DISTINCT portfolio_id FROM portfolio_positions"));
        Assert.Equal(5, await db.ScalarAsync<int>("SELECT COUNT(*) FROM portfolios"));
        Assert.Equal(2, await db.ScalarAsync<int>("SELECT COUNT(*) FROM strategy_signals"));
        Assert.Equal(30, await db.ScalarAsync<int>("SELECT (parameters->>'oversold')::int FROM strategies WHERE strategy_name = 'RSI Reversal'"));
    }

    [Fact]
    public async Task TransitionalTrigger_StillStampsUpdatedAt_AfterMigration()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeTransitional);
        await db.MigrateAsync();

        await db.ExecuteAsync("UPDATE strategies SET description = 'changed' WHERE id = 1");

        Assert.True(await db.ScalarAsync<bool>("SELECT updated_at > created_at FROM strategies WHERE id = 1"));
    }

    [Fact]
    public async Task LegacyPortfolioOption_SendsLegacyRowsToTheNamedPortfolio()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeTransitional);

        await db.MigrateAsync(settings: new Dictionary<string, string> { ["legacy_portfolio"] = "Backup_HKEXALL" });

        Assert.Equal(["Backup_HKEXALL"], await db.QueryAsync<string>("SELECT DISTINCT portfolio_id FROM portfolio_positions"));
    }

    [Fact]
    public async Task UnknownTables_AreRefusedWithANamedErrorAndNothingChanged()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE portfolio_positions (id int); CREATE TABLE customers (id int)");

        var error = await Assert.ThrowsAsync<HksException>(() => db.MigrateAsync());

        Assert.Equal("UnknownSchema", error.Name);
        Assert.Equal(ExitCode.Refused, error.ExitCode);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('hks_meta.schema_migrations') IS NOT NULL"));
    }

    [Fact]
    public async Task HalfMigratedDatabase_IsUnknown()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeTransitional);
        await db.ExecuteAsync("ALTER TABLE portfolio_positions ADD COLUMN portfolio_id varchar(50)");

        var error = await Assert.ThrowsAsync<HksException>(() => db.MigrateAsync());

        Assert.Equal("UnknownSchema", error.Name);
    }
}
