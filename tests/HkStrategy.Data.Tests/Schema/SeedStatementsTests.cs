using Dapper;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

/// <summary>The seed document's SQL, copied verbatim, must run against version 2 and give the right answers.</summary>
public sealed class SeedStatementsTests : IClassFixture<DemoDatabase>
{
    private readonly DemoDatabase _demo;

    public SeedStatementsTests(DemoDatabase demo) => _demo = demo;

    [Fact]
    public async Task CompleteRestorationQuickVerification_Gives12Positions5PortfoliosAndTheTotal()
    {
        await using var connection = await _demo.Test.OpenAsync();
        var row = await connection.QuerySingleAsync<(long Positions, long Portfolios, decimal TotalValue)>("""
            SELECT 
                (SELECT COUNT(*) FROM portfolio_positions) as positions,
                (SELECT COUNT(*) FROM portfolios) as portfolios,
                (SELECT ROUND(SUM(market_value), 2) FROM portfolio_positions) as total_value;
            """);

        Assert.Equal((12L, 5L, 4052660.20m), row);
    }

    [Fact]
    public async Task DataIntegrityVerification_ListsSummaryPortfolioCountAndSignals()
    {
        await using var connection = await _demo.Test.OpenAsync();
        var rows = (await connection.QueryAsync<(string CheckType, long Count, decimal TotalValue)>("""
            SELECT 
                'Portfolio Summary' as check_type,
                COUNT(*) as count,
                ROUND(SUM(market_value), 2) as total_value
            FROM portfolio_positions

            UNION ALL

            SELECT 
                'Portfolio Count' as check_type,
                COUNT(*) as count,
                0 as total_value
            FROM portfolios

            UNION ALL

            SELECT 
                'Trading Signals' as check_type, 
                COUNT(*) as count,
                0 as total_value
            FROM trading_signals

            ORDER BY check_type;
            """)).ToList();

        Assert.Equal([("Portfolio Count", 5L, 0m), ("Portfolio Summary", 12L, 4052660.20m), ("Trading Signals", 0L, 0m)], rows);
    }

    [Fact]
    public async Task CheckPortfolioValues_GroupsByPortfolio()
    {
        await using var connection = await _demo.Test.OpenAsync();
        var rows = (await connection.QueryAsync<(string PortfolioId, long Positions, decimal Value)>(
            "SELECT portfolio_id, COUNT(*) as positions, ROUND(SUM(market_value), 2) as value FROM portfolio_positions GROUP BY portfolio_id;")).ToList();

        Assert.Equal([("My_HKEX_ALL", 12L, 4052660.20m)], rows);
    }

    [Fact]
    public async Task RestoreMissingPortfolios_RecreatesDeletedOnesAndNeverOverwrites()
    {
        await using var db = await MigrationRoundTripTests.SeededAsync();
        await db.ExecuteAsync("DELETE FROM portfolios WHERE portfolio_id IN ('HKEX_NonTech', 'MyHKEX_Tech'); UPDATE portfolios SET name = 'Renamed' WHERE portfolio_id = 'My_HKEX_ALL'");

        await db.ExecuteAsync("""
            INSERT INTO portfolios (portfolio_id, name, description, created_at, updated_at)
            VALUES 
                ('My_HKEX_ALL', 'My HKEX Full Portfolio', 'The full portfolio of my HKEX Companies', NOW(), NOW()),
                ('HKEX_NonTech', 'HKEX Non Tech', 'List of my non-Tech HKEX Stock', NOW(), NOW()),
                ('Backup_HKEXALL', 'Backup_HKEXALL', 'Backup of my full portfolio', NOW(), NOW()),
                ('MyHKEX_Tech', 'MYHKEX_Tech', 'My HKEX Tech Portfolio', NOW(), NOW()),
                ('HKEXALL_Backup', 'HKEXALL_Backup', 'My HKEX All Stock backup', NOW(), NOW())
            ON CONFLICT (portfolio_id) DO NOTHING;
            """);

        Assert.Equal(5, await db.ScalarAsync<int>("SELECT COUNT(*) FROM portfolios"));
        Assert.Equal("Renamed", await db.ScalarAsync<string>("SELECT name FROM portfolios WHERE portfolio_id = 'My_HKEX_ALL'"));
    }
}
