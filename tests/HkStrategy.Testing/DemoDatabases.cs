using HkStrategy.Data.Demo;
using Microsoft.Extensions.Time.Testing;

namespace HkStrategy.Testing;

/// <summary>Test databases holding the demo state, plus rows in every kind of table, for backup and restore tests.</summary>
public static class DemoDatabases
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static async Task<TestDatabase> SeededAsync()
    {
        var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();
        await new DemoSeeder(new FakeTimeProvider(SeededAt)).SeedAsync(db.Database, db.Migrator, CancellationToken.None);
        return db;
    }

    /// <summary>The demo state and a second portfolio with a position, signals (legacy and TXYZN), rules, an event, an analysis with jsonb value history, holdings and strategies.</summary>
    public static async Task<TestDatabase> RichAsync()
    {
        var db = await SeededAsync();
        await db.ExecuteAsync("""
            INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector)
            VALUES ('HKEX_NonTech', '0005.HK', 'HSBC Holdings plc', 500, 60.000, 100.100, 'Financials');
            INSERT INTO trading_signals (portfolio_id, symbol, signal_type, signal_strength, price, rsi) VALUES
                ('HKEX_NonTech', '0005.HK', 'B', 0.65, 99.5, 36.2), ('My_HKEX_ALL', '0700.HK', 'A', 0.8, 598.5, 61.0);
            INSERT INTO portfolio_analyses (name, start_date, end_date, portfolio_id, start_pv, end_pv) VALUES ('H2', '2026-07-01', '2026-11-20', 'My_HKEX_ALL', 3900000, 4052660.20);
            INSERT INTO portfolio_value_history (analysis_id, trade_date, portfolio_value, total_value, top_contributors)
            SELECT id, '2026-11-20', 4052660.20, 4052660.20, '[{"symbol": "0700.HK", "contribution": 1200.5}]' FROM portfolio_analyses;
            INSERT INTO portfolio_holdings (portfolio_id, symbol, quantity, avg_cost) VALUES ('MyHKEX_Tech', '0700.HK', 10, 300);
            INSERT INTO strategies (strategy_name, strategy_type, parameters) VALUES ('RSI', 'mean_reversion', '{"period": 14}');
            INSERT INTO position_rules (portfolio_id, symbol, target_sell, stop_loss, add_zone_low, add_zone_high) VALUES
                ('My_HKEX_ALL', '0700.HK', 650, NULL, 500, 540), ('My_HKEX_ALL', '0388.HK', NULL, 400, NULL, NULL),
                ('HKEX_NonTech', '0005.HK', 120, 80, NULL, NULL)
            ON CONFLICT (portfolio_id, symbol) DO UPDATE SET target_sell = EXCLUDED.target_sell, stop_loss = EXCLUDED.stop_loss,
                add_zone_low = EXCLUDED.add_zone_low, add_zone_high = EXCLUDED.add_zone_high;
            INSERT INTO symbol_events (symbol, event_date, description) VALUES ('0700.HK', '2027-03-18', 'annual results');
            INSERT INTO signal_runs (portfolio_id, as_of, parameters, program_version, signal_count)
            VALUES ('My_HKEX_ALL', '2026-11-20', '{"rulesVersion": 1}', 'test', 2);
            INSERT INTO signals (run_id, portfolio_id, symbol, trade_date, code, strategy_code, strength, close, evidence)
            SELECT r.id, s.portfolio_id, s.symbol, '2026-11-20', s.code, left(s.code, 4), right(s.code, 1)::int, s.close, '{"reasons": ["test"]}'
            FROM signal_runs r, (VALUES ('My_HKEX_ALL', '0700.HK', 'HMOM5', 599.0), ('HKEX_NonTech', '0005.HK', 'SOVB1', 100.1)) AS s(portfolio_id, symbol, code, close);
            """);
        return db;
    }
}
