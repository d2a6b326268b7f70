using HkStrategy.Data.Demo;
using HkStrategy.Data.Schema;
using HkStrategy.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HkStrategy.Data.Tests.Schema;

public sealed class MigrationRoundTripTests
{
    [Fact]
    public async Task Migrate_FromEmpty_ReachesLatestAndStoresEachChecksum()
    {
        await using var db = await TestDatabase.CreateAsync();

        var outcome = await db.MigrateAsync();

        Assert.Equal(MigrationCatalog.Embedded.Latest, outcome.ToVersion);
        var stored = await db.QueryAsync<(int, string)>("SELECT version, sha256 FROM hks_meta.schema_migrations ORDER BY version");
        Assert.Equal(MigrationCatalog.Embedded.Migrations.Select(m => (m.Version, m.Sha256)), stored);
    }

    [Fact]
    public async Task UpDownUp_FromTheDemoState_GivesBackEveryRow()
    {
        await using var db = await SeededAsync();
        await AddSecondPortfolioWithRowsAsync(db);
        var before = await TableSnapshot.TakeAsync(db);
        var schemaBefore = await SchemaSnapshot.TakeAsync(db);

        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });
        await db.MigrateAsync();

        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.Equal(schemaBefore, await SchemaSnapshot.TakeAsync(db));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'hks\\_archive%'"));
    }

    [Fact]
    public async Task DownUpDown_FromVersion1WithData_GivesTheSameVersion1()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeV1);
        await db.MigrateAsync(to: 1);
        var before = await TableSnapshot.TakeAsync(db);
        var schemaBefore = await SchemaSnapshot.TakeAsync(db);

        await db.MigrateAsync(to: 2);
        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "DEFAULT" });

        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.Equal(schemaBefore, await SchemaSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task RollbackTo1_KeepsOnePortfolioAndArchivesTheRest()
    {
        await using var db = await SeededAsync();
        await AddSecondPortfolioWithRowsAsync(db);

        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "HKEX_NonTech" });

        Assert.Equal(["0005.HK"], await db.QueryAsync<string>("SELECT symbol FROM portfolio_positions"));
        Assert.Equal(12, await db.ScalarAsync<int>("SELECT COUNT(*) FROM hks_archive.portfolio_positions"));
        Assert.Equal(5, await db.ScalarAsync<int>("SELECT COUNT(*) FROM hks_archive.portfolios"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT COUNT(*) FROM trading_signals"));
    }

    [Fact]
    public async Task RollbackTo0_WithData_IsRefusedAndChangesNothing()
    {
        await using var db = await SeededAsync();
        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });

        var error = await Assert.ThrowsAsync<HkStrategy.Core.Failures.HksException>(() => db.MigrateAsync(to: 0));

        Assert.Equal("WouldLoseData", error.Name);
        Assert.Equal(12, await db.ScalarAsync<int>("SELECT COUNT(*) FROM portfolio_positions"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
    }

    [Fact]
    public async Task RoundTrip_NeverHandsOutAnIdTwice()
    {
        await using var db = await SeededAsync();
        await AddSecondPortfolioWithRowsAsync(db);
        var deleted = await db.ScalarAsync<int>("INSERT INTO portfolio_positions (portfolio_id, symbol) VALUES ('HKEX_NonTech', '0388.HK') RETURNING id");
        await db.ExecuteAsync("DELETE FROM portfolio_positions WHERE id = @deleted", new { deleted });

        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });
        await db.MigrateAsync();

        Assert.True(await db.ScalarAsync<int>("INSERT INTO portfolio_positions (portfolio_id, symbol) VALUES ('HKEX_NonTech', '0939.HK') RETURNING id") > deleted);
    }

    [Fact]
    public async Task MigrateUp_AfterTheArchivedTablesWereCreatedAgain_IsRefusedAndKeepsBoth()
    {
        await using var db = await SeededAsync();
        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });
        await db.ExecuteAsync("CREATE TABLE portfolios (portfolio_id varchar(50) PRIMARY KEY, name varchar(200) NOT NULL)");

        var error = await Assert.ThrowsAsync<HkStrategy.Core.Failures.HksException>(() => db.MigrateAsync(to: 2));

        Assert.Equal("ArchiveConflict", error.Name);
        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, await db.ScalarAsync<int>("SELECT COUNT(*) FROM hks_archive.portfolios"));
    }

    [Fact]
    public async Task MigrateUp_ToAnotherLegacyPortfolioThanTheRollbackKept_IsRefused()
    {
        await using var db = await SeededAsync();
        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });

        var error = await Assert.ThrowsAsync<HkStrategy.Core.Failures.HksException>(() =>
            db.MigrateAsync(to: 2, settings: new Dictionary<string, string> { ["legacy_portfolio"] = "HKEX_NonTech" }));

        Assert.Equal("LegacyPortfolioConflict", error.Name);
    }

    internal static async Task<TestDatabase> SeededAsync()
    {
        var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();
        await new DemoSeeder(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero))).SeedAsync(db.Database, db.Migrator, CancellationToken.None);
        return db;
    }

    internal static Task AddSecondPortfolioWithRowsAsync(TestDatabase db) => db.ExecuteAsync("""
        INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector)
        VALUES ('HKEX_NonTech', '0005.HK', 'HSBC Holdings plc', 500, 60.000, 100.100, 'Financials');
        INSERT INTO trading_signals (portfolio_id, symbol, signal_type, price) VALUES ('HKEX_NonTech', '0005.HK', 'B', 99.5);
        INSERT INTO trading_signals (portfolio_id, symbol, signal_type, price) VALUES ('My_HKEX_ALL', '0700.HK', 'A', 598.5);
        INSERT INTO price_history (portfolio_id, symbol, price, "timestamp") VALUES ('HKEX_NonTech', '0005.HK', 100.1, '2026-11-20 16:10');
        INSERT INTO portfolio_analyses (name, start_date, end_date, portfolio_id) VALUES ('H2', '2026-07-01', '2026-11-20', 'HKEX_NonTech');
        INSERT INTO portfolio_holdings (portfolio_id, symbol, quantity, avg_cost) VALUES ('MyHKEX_Tech', '0700.HK', 10, 300);
        INSERT INTO strategies (strategy_name, strategy_type, parameters) VALUES ('RSI', 'mean_reversion', '{"period": 14}');
        INSERT INTO position_rules (portfolio_id, symbol, target_sell, stop_loss, trim_min, tactical_stop, buy_only)
        VALUES ('HKEX_NonTech', '0005.HK', 120, 80, 118, 85, '{near-ema-cluster,above-ema20}'), ('My_HKEX_ALL', '0700.HK', 650, NULL, NULL, NULL, '{}')
            ON CONFLICT (portfolio_id, symbol) DO UPDATE SET target_sell = EXCLUDED.target_sell, stop_loss = EXCLUDED.stop_loss,
                trim_min = EXCLUDED.trim_min, tactical_stop = EXCLUDED.tactical_stop, buy_only = EXCLUDED.buy_only;
        INSERT INTO symbol_events (symbol, event_date, description) VALUES ('0700.HK', '2027-03-18', 'annual results');
        INSERT INTO signal_runs (portfolio_id, as_of, parameters, program_version) VALUES ('HKEX_NonTech', '2026-11-20', '{"rulesVersion": 1}', 'test');
        INSERT INTO signals (run_id, portfolio_id, symbol, trade_date, code, strategy_code, strength, close, evidence)
        SELECT id, 'HKEX_NonTech', '0005.HK', '2026-11-20', 'HMOM5', 'HMOM', 5, 100.1, '{"reasons": []}' FROM signal_runs;
        """);

    [Fact]
    public async Task DownTo2AndUp_KeepsEveryVersion3Row_AndTheSameSchema()
    {
        await using var db = await SeededAsync();
        await AddSecondPortfolioWithRowsAsync(db);
        var before = await TableSnapshot.TakeAsync(db);
        var schemaBefore = await SchemaSnapshot.TakeAsync(db);

        await db.MigrateAsync(to: 2);
        var archived = await db.ScalarAsync<long>("SELECT COUNT(*) FROM hks_archive_v3.daily_bars");
        await db.MigrateAsync();

        Assert.Equal(13 * DemoSeeder.BarsPerSymbol, archived); // the twelve positions' demo bars and the Tracker Fund's
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.Equal(schemaBefore, await SchemaSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task DownTo3AndUp_KeepsEveryOverlay_AndTheSameSchema()
    {
        await using var db = await SeededAsync();
        await AddSecondPortfolioWithRowsAsync(db);
        var before = await TableSnapshot.TakeAsync(db);
        var schemaBefore = await SchemaSnapshot.TakeAsync(db);

        await db.MigrateAsync(to: 3);
        var archived = await db.QueryAsync<string>("SELECT symbol FROM hks_archive_v4.position_rules WHERE portfolio_id = 'HKEX_NonTech'");
        var columns = await db.QueryAsync<string>("SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'position_rules' AND column_name IN ('trim_min', 'buy_only')");
        await db.MigrateAsync();

        Assert.Equal(["0005.HK"], archived);
        Assert.Empty(columns);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.Equal(schemaBefore, await SchemaSnapshot.TakeAsync(db));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'hks_archive_v4'"));
    }

    [Fact]
    public async Task UpAfterAPositionWasDeletedInVersion3_KeepsItsOverlaysApart_AndGivesARulesRowBackWhereOneWasDeleted()
    {
        await using var db = await SeededAsync();
        await AddSecondPortfolioWithRowsAsync(db);
        await db.ExecuteAsync("UPDATE position_rules SET tactical_stop = 500 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'");
        await db.MigrateAsync(to: 3);
        await db.ExecuteAsync("""
            DELETE FROM portfolio_positions WHERE portfolio_id = 'HKEX_NonTech' AND symbol = '0005.HK';
            DELETE FROM position_rules WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK';
            """);

        await db.MigrateAsync();

        Assert.Equal([("0005.HK", 85m)], await db.QueryAsync<(string, decimal)>("SELECT symbol, tactical_stop FROM hks_orphaned.position_overlays"));
        Assert.Equal([(500m, (decimal?)null)], await db.QueryAsync<(decimal, decimal?)>(
            "SELECT tactical_stop, target_sell FROM position_rules WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'hks_archive_v4'"));
    }

    [Fact]
    public async Task UpAfterAGatedAddZoneWasClearedInVersion3_KeepsTheGateApart_RatherThanBlockingEveryReversalBuy()
    {
        await using var db = await SeededAsync(); // the demo's 9988 buys only inside its add zone 112–115
        await db.MigrateAsync(to: 3);
        await db.ExecuteAsync("UPDATE position_rules SET add_zone_low = NULL, add_zone_high = NULL WHERE symbol = '9988.HK'");

        await db.MigrateAsync();

        Assert.Equal([("{}", 132m)], await db.QueryAsync<(string, decimal)>("SELECT buy_only::text, trim_min FROM position_rules WHERE symbol = '9988.HK'"));
        Assert.Equal(["{in-add-zone}"], await db.QueryAsync<string>("SELECT buy_only::text FROM hks_orphaned.position_overlays WHERE symbol = '9988.HK'"));
    }

    [Fact]
    public async Task UpAfterAPositionWasDeletedInVersion2_KeepsItsOrphanedRules_AndTheNextRollbackStillWorks()
    {
        await using var db = await SeededAsync();
        await AddSecondPortfolioWithRowsAsync(db);
        await db.MigrateAsync(to: 2);
        await db.ExecuteAsync("DELETE FROM portfolio_positions WHERE portfolio_id = 'HKEX_NonTech' AND symbol = '0005.HK'");

        await db.MigrateAsync();

        Assert.DoesNotContain("0005.HK", await db.QueryAsync<string>("SELECT symbol FROM position_rules WHERE portfolio_id = 'HKEX_NonTech'"));
        Assert.Equal(["0005.HK"], await db.QueryAsync<string>("SELECT symbol FROM hks_orphaned.position_rules"));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'hks_archive_v3'"));
        await db.MigrateAsync(to: 2); // and the next rollback is not blocked by them
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'hks_archive_v3'"));
    }
}
