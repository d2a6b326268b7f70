using HkStrategy.Testing;
using Npgsql;

namespace HkStrategy.Data.Tests.Ledger;

/// <summary>
/// Schema version 5, the activity ledger: the migration's opening balances keep every position exact, a rollback
/// archives the ledger and a round trip gives every row back, direct writes to the positions are recorded, and the
/// journal only grows.
/// </summary>
public sealed class LedgerSchemaTests
{
    private const string LastStates = """
        SELECT state FROM (
            SELECT DISTINCT ON (portfolio_id, symbol) portfolio_id, symbol, position_quantity,
                   portfolio_id || ' ' || symbol || ' ' || position_quantity || ' @ ' || position_avg_cost AS state
            FROM activities WHERE position_quantity IS NOT NULL ORDER BY portfolio_id, symbol, trade_date DESC, id DESC) last
        WHERE position_quantity > 0 ORDER BY portfolio_id, symbol
        """;

    private const string Positions = """
        SELECT portfolio_id || ' ' || symbol || ' ' || quantity || ' @ ' || avg_cost FROM portfolio_positions WHERE quantity > 0 ORDER BY portfolio_id, symbol
        """;

    [Fact]
    public async Task MigratingToVersion5_WritesOneOpeningBalancePerPosition_AndTheSeedsNumbersStayExact()
    {
        await using var db = await AtVersion4WithoutALedgerAsync();
        var before = await db.QueryAsync<string>(Positions);

        await db.MigrateAsync();

        Assert.Equal(13, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE activity_type = 'opening'"));
        Assert.Equal(13, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities"));
        Assert.Equal(before, await db.QueryAsync<string>(Positions));
        Assert.Equal(before, await db.QueryAsync<string>(LastStates));
        Assert.Equal(4052660.20m, await db.ScalarAsync<decimal>("SELECT SUM(market_value) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL'"));
        Assert.Equal(13, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activity_journal WHERE change = 'added'"));
    }

    [Fact]
    public async Task TheDemoLedger_OpensEachPositionOnTheFirstDemoDay_WithTheTrackerFundsDemoYearBesideIt()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var firstDay = await db.ScalarAsync<DateOnly>("SELECT MIN(trade_date) FROM daily_bars WHERE symbol = '0700.HK'");

        Assert.Equal(["opening"], await db.QueryAsync<string>("SELECT DISTINCT activity_type FROM activities WHERE portfolio_id = 'My_HKEX_ALL'"));
        Assert.Equal([firstDay], await db.QueryAsync<DateOnly>("SELECT DISTINCT trade_date FROM activities WHERE portfolio_id = 'My_HKEX_ALL'"));
        Assert.Equal(await db.QueryAsync<string>(Positions), await db.QueryAsync<string>(LastStates));
        Assert.Equal(4052660.20m, await db.ScalarAsync<decimal>("SELECT SUM(market_value) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL'"));
        Assert.Equal([DemoDatabases.SeededAt.UtcDateTime], await db.QueryAsync<DateTime>("SELECT DISTINCT last_updated FROM portfolio_positions"));
        Assert.Equal($"250 {firstDay:yyyy-MM-dd} demo", await db.ScalarAsync<string>(
            "SELECT COUNT(*) || ' ' || MIN(trade_date) || ' ' || MIN(source) FROM daily_bars WHERE symbol = '2800.HK'"));
    }

    [Fact]
    public async Task RollbackTo4AndBack_GivesEveryActivityAndJournalRowBack()
    {
        await using var db = await DemoDatabases.RichAsync();
        await db.ExecuteAsync("UPDATE portfolio_positions SET quantity = 400 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'");
        var before = await TableSnapshot.TakeAsync(db);
        var schemaBefore = await SchemaSnapshot.TakeAsync(db);

        await db.MigrateAsync(to: 4);
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_class WHERE relname = 'activities' AND relnamespace = 'public'::regnamespace"));
        Assert.True(await db.ScalarAsync<long>("SELECT COUNT(*) FROM hks_archive_v5.activity_journal") > 0);
        await db.MigrateAsync();

        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.Equal(schemaBefore, await SchemaSnapshot.TakeAsync(db));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'hks\\_archive%'"));
    }

    [Fact]
    public async Task PositionsChangedWhileTheLedgerWasArchived_AreAdjusted_SoTheLedgerEndsAtThem()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await db.MigrateAsync(to: 4);
        await db.ExecuteAsync("""
            UPDATE portfolio_positions SET quantity = 150, avg_cost = 12.345 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK';
            DELETE FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0005.HK';
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity, avg_cost, current_price) VALUES ('HKEX_NonTech', '0939.HK', 1000, 5.5, 6);
            """);

        await db.MigrateAsync();

        Assert.Equal(await db.QueryAsync<string>(Positions), await db.QueryAsync<string>(LastStates));
        Assert.Equal(["0005.HK adjustment 0", "0700.HK adjustment 150"], await db.QueryAsync<string>(
            "SELECT symbol || ' ' || activity_type || ' ' || quantity FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND activity_type = 'adjustment' ORDER BY symbol"));
        Assert.Equal("opening", await db.ScalarAsync<string>("SELECT activity_type FROM activities WHERE portfolio_id = 'HKEX_NonTech' AND symbol = '0939.HK'"));
    }

    [Fact]
    public async Task DirectWritesToThePositions_AreRecordedInTheSameTransaction()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var count = await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities");

        await db.ExecuteAsync("""
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity, avg_cost, current_price) VALUES ('HKEX_NonTech', '0939.HK', 1000, 5.5, 6);
            UPDATE portfolio_positions SET current_price = 6.2 WHERE portfolio_id = 'HKEX_NonTech' AND symbol = '0939.HK';
            UPDATE portfolio_positions SET quantity = 1500, avg_cost = 5.6 WHERE portfolio_id = 'HKEX_NonTech' AND symbol = '0939.HK';
            DELETE FROM portfolio_positions WHERE portfolio_id = 'HKEX_NonTech' AND symbol = '0939.HK';
            """);

        Assert.Equal(["opening 1000 @ 5.500", "adjustment 1500 @ 5.600", "adjustment 0 @ 0.000"], await db.QueryAsync<string>(
            "SELECT activity_type || ' ' || position_quantity || ' @ ' || position_avg_cost FROM activities WHERE portfolio_id = 'HKEX_NonTech' AND symbol = '0939.HK' ORDER BY id"));
        Assert.Equal(count + 3, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities"));

        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new NpgsqlCommand("UPDATE portfolio_positions SET quantity = 1 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'", connection, transaction).ExecuteNonQueryAsync();
        await transaction.RollbackAsync();
        Assert.Equal(count + 3, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities"));
    }

    [Fact]
    public async Task EveryChangeToAnActivity_IsJournalled_AndTheJournalCannotBeChanged()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var id = await db.ScalarAsync<long>("""
            INSERT INTO activities (portfolio_id, activity_type, trade_date, amount, note) VALUES ('My_HKEX_ALL', 'deposit', '2026-11-02', 50000, 'first') RETURNING id
            """);
        await db.ExecuteAsync("UPDATE activities SET amount = 60000, note = 'corrected' WHERE id = @id", new { id });
        await db.ExecuteAsync("DELETE FROM activities WHERE id = @id", new { id });

        Assert.Equal(["added 50000.00 first", "edited 60000.00 corrected", "removed 60000.00 corrected"], await db.QueryAsync<string>(
            "SELECT change || ' ' || (activity->>'amount') || ' ' || (activity->>'note') FROM activity_journal WHERE activity_id = @id ORDER BY id", new { id }));
        foreach (var sql in new[] { "UPDATE activity_journal SET change = 'added'", "DELETE FROM activity_journal", "TRUNCATE activity_journal" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(sql));
            Assert.Equal("P0005", error.SqlState);
        }
    }

    [Fact]
    public async Task DeletingAPortfolio_RemovesItsActivities_AndTheJournalKeepsThem()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var activities = await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'My_HKEX_ALL'");

        await db.ExecuteAsync("DELETE FROM portfolios WHERE portfolio_id = 'My_HKEX_ALL'");

        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'My_HKEX_ALL'"));
        Assert.Equal(activities, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activity_journal WHERE portfolio_id = 'My_HKEX_ALL' AND change = 'removed'"));
    }

    [Theory]
    [InlineData("INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol) VALUES ('My_HKEX_ALL', 'gift', '2026-11-02', '0700.HK')")]
    [InlineData("INSERT INTO activities (portfolio_id, activity_type, trade_date) VALUES ('My_HKEX_ALL', 'buy', '2026-11-02')")]
    [InlineData("INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol) VALUES ('My_HKEX_ALL', 'split', '2026-11-02', '0700.HK')")]
    [InlineData("INSERT INTO activities (portfolio_id, activity_type, trade_date, settlement_date, symbol) VALUES ('My_HKEX_ALL', 'buy', '2026-11-02', '2026-11-01', '0700.HK')")]
    [InlineData("INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol, currency) VALUES ('My_HKEX_ALL', 'buy', '2026-11-02', '0700.HK', 'EUR')")]
    [InlineData("INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol, quantity) VALUES ('My_HKEX_ALL', 'buy', '2026-11-02', '0700.HK', -5)")]
    public async Task AnActivityThatCannotBe_IsRefusedByTheSchema(string sql)
    {
        await using var db = await DemoDatabases.SeededAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(sql));

        Assert.Equal("23514", error.SqlState); // check_violation
    }

    /// <summary>
    /// A version 4 database as one that never had a ledger: the seed's positions (12 in My_HKEX_ALL, HK$4,052,660.20)
    /// and one more portfolio's, the ledger's rollback archive dropped.
    /// </summary>
    private static async Task<TestDatabase> AtVersion4WithoutALedgerAsync()
    {
        var db = await DemoDatabases.SeededAsync();
        await db.MigrateAsync(to: 4);
        await db.ExecuteAsync("""
            DROP SCHEMA hks_archive_v5 CASCADE;
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity, avg_cost, current_price) VALUES ('HKEX_NonTech', '0005.HK', 500, 60, 100.1);
            """);
        return db;
    }
}
