using Dapper;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Performance;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Prices;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using Npgsql;
using NpgsqlTypes;

namespace HkStrategy.Data.Demo;

/// <summary>
/// Fills an empty database at the latest schema version with the seed's verified state: five portfolios, twelve
/// positions worth HK$4,052,660.20 whose opening balances the ledger dates on the first demo day, and a year of
/// synthetic daily bars per symbol and for the Tracker Fund, the default benchmark (recorded as demo data).
/// </summary>
public sealed class DemoSeeder(TimeProvider clock)
{
    public const int BarsPerSymbol = 250;

    public async Task<int> SeedAsync(Database database, SchemaMigrator migrator, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var state = await migrator.InspectAsync(connection, cancellationToken);
        SchemaGuard.RequireVersion(state, migrator.Catalog.Latest);
        var existing = await connection.ExecuteScalarAsync<long>(
            "SELECT (SELECT COUNT(*) FROM portfolios) + (SELECT COUNT(*) FROM portfolio_positions)", cancellationToken);
        if (existing > 0)
        {
            throw HksException.Refused("DatabaseNotEmpty", "the demo state goes only into an empty database: this one already has portfolios or positions");
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < DemoState.Portfolios.Count; i++)
        {
            var portfolio = DemoState.Portfolios[i];
            await connection.ExecuteAsync(
                "INSERT INTO portfolios (portfolio_id, name, description, created_at, updated_at) VALUES (@PortfolioId, @Name, @Description, @At, @At)",
                new { portfolio.PortfolioId, portfolio.Name, portfolio.Description, At = now.AddSeconds(i - DemoState.Portfolios.Count), cancellationToken }, transaction);
        }
        var days = TradingCalendar.Hkex.Ending(DateOnly.FromDateTime(now), BarsPerSymbol);
        // Each position is written as of the first demo day, so the ledger's opening balance is dated then and the
        // performance pages have the demo year to show; then stamped as updated now, which the ledger does not record.
        var opened = days[0].ToDateTime(new TimeOnly(8, 10), DateTimeKind.Utc); // 16:10 in Hong Kong: that day in any zone
        foreach (var position in DemoState.MainPositions)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
                VALUES (@Portfolio, @Symbol, @CompanyName, @Quantity, @AverageCost, @CurrentPrice, @Sector, @At)
                """,
                new { Portfolio = DemoState.MainPortfolioId, position.Symbol, position.CompanyName, position.Quantity, position.AverageCost, position.CurrentPrice, position.Sector, At = opened, cancellationToken }, transaction);
        }
        await connection.ExecuteAsync(
            """
            SELECT set_config('hks.deriving', 'on', true);
            UPDATE portfolio_positions SET last_updated = @At WHERE portfolio_id = @Portfolio;
            SELECT set_config('hks.deriving', 'off', true);
            """, new { Portfolio = DemoState.MainPortfolioId, At = now, cancellationToken }, transaction);
        var bars = await WriteBarsAsync(connection, days, cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO daily_bars (symbol, trade_date, open, high, low, close, volume, source)
            SELECT symbol, "timestamp"::date, open_price, high, low, close_price, volume, 'demo' FROM price_history WHERE portfolio_id = @Portfolio
            """, new { Portfolio = DemoState.MainPortfolioId, cancellationToken }, transaction);
        await WriteBenchmarkBarsAsync(connection, days, cancellationToken);
        await connection.ExecuteAsync(DemoRulesSql, new { Portfolio = DemoState.MainPortfolioId, ResultsDay = DateOnly.FromDateTime(now).AddDays(45), cancellationToken }, transaction);
        await MigrationLedger.HistoryAsync(connection, "demo seeded", null, null,
            $"{DemoState.Portfolios.Count} portfolios, {DemoState.MainPositions.Count} positions, {bars} synthetic price_history rows", transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return bars;
    }

    /// <summary>
    /// The prototype's rails and overlays (its RAILS and its rules for 9988, 0388 and 0005), a few rules of our own (0700's
    /// add zone, 0388's stop and add zone, 1810's), and a results date that will veto buys.
    /// </summary>
    private const string DemoRulesSql = """
        INSERT INTO position_rules (portfolio_id, symbol, target_sell, stop_loss, add_zone_low, add_zone_high, trim_min, tactical_stop, buy_only) VALUES
            (@Portfolio, '0700.HK', 660.000, 520.000, 560.000, 580.000, NULL, NULL, '{}'),
            (@Portfolio, '9988.HK', NULL, NULL, 112.000, 115.000, 132.000, NULL, '{in-add-zone}'),
            (@Portfolio, '0005.HK', 111.000, NULL, 94.000, 96.000, NULL, NULL, '{near-ema-cluster}'),
            (@Portfolio, '0857.HK', 8.400, NULL, NULL, NULL, NULL, 7.100, '{}'),
            (@Portfolio, '2888.HK', NULL, NULL, NULL, NULL, 152.000, NULL, '{}'),
            (@Portfolio, '0388.HK', NULL, 400.000, 420.000, 440.000, NULL, NULL, '{above-ema20}'),
            (@Portfolio, '1810.HK', 58.000, 42.000, NULL, NULL, NULL, NULL, '{}');
        INSERT INTO symbol_events (symbol, event_date, description) VALUES ('0700.HK', @ResultsDay, 'results (demo)');
        """;

    private static async Task<int> WriteBarsAsync(NpgsqlConnection connection, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY price_history (portfolio_id, symbol, price, volume, high, low, open_price, close_price, "timestamp") FROM STDIN (FORMAT BINARY)""",
            cancellationToken);
        var rows = 0;
        foreach (var position in DemoState.MainPositions)
        {
            foreach (var bar in DemoBarGenerator.Generate(position.Symbol, position.AverageCost, position.CurrentPrice, days))
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(DemoState.MainPortfolioId, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(bar.Symbol, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(bar.Close, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync((int)bar.Volume, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(bar.High, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(bar.Low, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(bar.Open, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(bar.Close, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(bar.TradeDate.ToDateTime(new TimeOnly(16, 10)), NpgsqlDbType.Timestamp, cancellationToken);
                rows++;
            }
        }
        await writer.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>The demo year of the default benchmark, the Tracker Fund (2800.HK), for the performance pages to compare with: demo bars, not market data.</summary>
    private static async Task WriteBenchmarkBarsAsync(NpgsqlConnection connection, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY daily_bars (symbol, trade_date, open, high, low, close, volume, source) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var bar in DemoBarGenerator.Generate(PerformanceRequest.DefaultBenchmark, 19.040m, 25.380m, days))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(bar.Symbol, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(bar.TradeDate, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(bar.Open, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(bar.High, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(bar.Low, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(bar.Close, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(bar.Volume, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync("demo", NpgsqlDbType.Varchar, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
