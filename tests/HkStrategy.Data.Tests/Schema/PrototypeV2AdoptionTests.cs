using HkStrategy.Data.Schema;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Integrity;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

/// <summary>
/// The prototype's own "schema 2.0" (its migration_v1_to_v2.sql on the transitional database): nullable portfolio_id,
/// UNIQUE(symbol) kept. hks adopts it as version 2, keeping every row, and it then lives through the whole life cycle.
/// </summary>
public sealed class PrototypeV2AdoptionTests
{
    [Fact]
    public async Task ThePrototypesV2_IsAdoptedAsVersion2_KeepingEveryRow_AndSaysWhatItChanged()
    {
        await using var db = await PrototypeDatabases.PrototypeV2Async();
        var rowsBefore = await RowCountsAsync(db);

        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.PrototypeMultiPortfolio, outcome.Adopted!.Shape);
        Assert.Contains(outcome.AdoptionChanges, c => c.StartsWith("portfolio_positions_symbol_key on portfolio_positions dropped", StringComparison.Ordinal));
        Assert.Contains(outcome.AdoptionChanges, c => c.StartsWith("UNIQUE (portfolio_id, symbol)", StringComparison.Ordinal));
        Assert.Equal(MigrationCatalog.Embedded.Latest, await db.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
        Assert.Equal(rowsBefore, (await RowCountsAsync(db)).Where(t => rowsBefore.ContainsKey(t.Key)).ToDictionary());
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regprocedure('public.check_migration_status()') IS NOT NULL"));
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('public.idx_trading_signals_portfolio_created') IS NOT NULL"));
        await PrototypeAssertions.AssertTheSeedsNumbersAsync(db);
    }

    [Fact]
    public async Task RowsThePrototypeWroteWithoutAPortfolio_GoToTheOldestPortfolio()
    {
        await using var db = await PrototypeDatabases.PrototypeV2Async();
        await db.ExecuteAsync("INSERT INTO portfolio_positions (symbol, company_name, quantity, avg_cost, current_price) VALUES ('2382.HK', 'Sunny Optical', 0, 70, 70)");

        var outcome = await db.MigrateAsync();

        Assert.Contains("1 position(s) without a portfolio now belong to My_HKEX_ALL", outcome.AdoptionChanges);
        Assert.Equal("My_HKEX_ALL", await db.ScalarAsync<string>("SELECT portfolio_id FROM portfolio_positions WHERE symbol = '2382.HK'"));
    }

    [Fact]
    public async Task ConstraintsUnderOtherNames_AreFoundByWhatTheyAre()
    {
        await using var db = await PrototypeDatabases.PrototypeV2Async();
        await db.ExecuteAsync("""
            ALTER TABLE portfolio_positions RENAME CONSTRAINT portfolio_positions_symbol_key TO positions_one_per_symbol;
            ALTER TABLE trading_signals RENAME CONSTRAINT trading_signals_symbol_fkey TO signals_need_a_position;
            """);

        var outcome = await db.MigrateAsync();

        Assert.Contains("positions_one_per_symbol on portfolio_positions dropped (it ties rows by symbol alone)", outcome.AdoptionChanges);
        Assert.Contains("signals_need_a_position on trading_signals dropped (it ties rows by symbol alone)", outcome.AdoptionChanges);
        await db.ExecuteAsync("INSERT INTO portfolio_positions (portfolio_id, symbol, quantity) VALUES ('HKEX_NonTech', '0700.HK', 1)"); // one symbol, two portfolios
    }

    [Fact]
    public async Task ASignalWhosePortfolioCannotBeToldFromItsSymbol_StopsTheAdoption_NamingIt_AndChangesNothing()
    {
        await using var db = await PrototypeDatabases.PrototypeV2Async();
        await db.ExecuteAsync("""
            ALTER TABLE trading_signals DROP CONSTRAINT trading_signals_symbol_fkey;
            ALTER TABLE price_history DROP CONSTRAINT price_history_symbol_fkey;
            ALTER TABLE portfolio_positions DROP CONSTRAINT portfolio_positions_symbol_key;
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity) VALUES ('HKEX_NonTech', '0700.HK', 1);
            UPDATE trading_signals SET portfolio_id = 'Backup_HKEXALL' WHERE symbol = '0700.HK';
            """);
        var before = await TableSnapshot.TakeAsync(db);

        var error = await Assert.ThrowsAsync<HkStrategy.Core.Failures.HksException>(() => db.MigrateAsync());

        Assert.Equal("AdoptionFailed", error.Name);
        Assert.Contains("0700.HK", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('hks_meta.schema_migrations') IS NULL"), "no version may be recorded");
    }

    [Fact]
    public async Task VersionThreeTablesWithoutHksKeysOrARecord_AreNotGuessed()
    {
        await using var db = await PrototypeDatabases.PrototypeV2Async();
        await db.ExecuteAsync("CREATE TABLE daily_bars (id int); CREATE TABLE symbol_events (id int)");

        var error = await Assert.ThrowsAsync<HkStrategy.Core.Failures.HksException>(() => db.MigrateAsync());

        Assert.Equal("UnknownSchema", error.Name);
        Assert.Contains("without hks's keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollingBackToVersion1AndMigratingAgain_LeavesEveryRowOfEveryTableIdentical()
    {
        await using var db = await PrototypeDatabases.PrototypeV2Async();
        await db.MigrateAsync();
        var migrated = await TableSnapshot.TakeAsync(db);

        await db.MigrateAsync(1, new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });
        await db.MigrateAsync();

        Assert.Equal(migrated, await TableSnapshot.TakeAsync(db));
        await PrototypeAssertions.AssertTheSeedsNumbersAsync(db);
    }

    [PrototypeFact]
    public async Task ThePrototypesOwnMigrationScript_RunOnItsTransitionalDatabase_IsAdoptedToo()
    {
        await using var db = await PrototypeDatabases.PrototypeV2ByItsScriptAsync();

        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.PrototypeMultiPortfolio, outcome.Adopted!.Shape);
        await PrototypeAssertions.AssertTheSeedsNumbersAsync(db);
        var migrated = await TableSnapshot.TakeAsync(db);
        await db.MigrateAsync(1, new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });
        await db.MigrateAsync();
        Assert.Equal(migrated, await TableSnapshot.TakeAsync(db));
    }

    [PrototypeFact]
    public async Task AfterThePrototypesOwnRollbackScript_WhichFailsPartWay_TheDatabaseIsStillAdopted()
    {
        await using var db = await PrototypeDatabases.PrototypeV2ByItsScriptAsync();
        var rowsBefore = await RowCountsAsync(db);

        await PrototypeScripts.RunAsync(db, "rollback_v2_to_v1.sql", onErrorStop: false);
        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.PrototypeMultiPortfolio, outcome.Adopted!.Shape);
        Assert.Equal(rowsBefore, (await RowCountsAsync(db)).Where(t => rowsBefore.ContainsKey(t.Key)).ToDictionary());
        await PrototypeAssertions.AssertTheSeedsNumbersAsync(db);
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        return (await ContentReader.ReadAsync(connection, null, CancellationToken.None)).Tables.ToDictionary();
    }
}
