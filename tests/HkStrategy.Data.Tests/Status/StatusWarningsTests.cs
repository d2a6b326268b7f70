using HkStrategy.Data.Status;
using HkStrategy.Data.Tests.Schema;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Status;

public sealed class StatusWarningsTests
{
    [Fact]
    public async Task Status_NamesOrphansAndRowsWithoutAPortfolio()
    {
        await using var db = await MigrationRoundTripTests.SeededAsync();
        await db.ExecuteAsync("""
            ALTER TABLE portfolio_positions DROP CONSTRAINT portfolio_positions_portfolio_id_fkey;
            ALTER TABLE portfolio_positions ALTER COLUMN portfolio_id DROP NOT NULL;
            INSERT INTO portfolio_positions (portfolio_id, symbol) VALUES ('Gone_Portfolio', '0700.HK'), (NULL, '0005.HK');
            """);

        var status = await DatabaseStatusReader.ReadAsync(db.Database, db.Migrator, CancellationToken.None);

        Assert.Contains("1 row(s) of portfolio_positions have no portfolio_id", status.Warnings);
        Assert.Contains("1 orphan(s): positions without a portfolio", status.Warnings);
        Assert.Equal(14, status.Totals.Positions);
    }

    [Fact]
    public async Task Status_OfTheDemoState_HasNoWarningsAndSaysItsPricesAreSynthetic()
    {
        await using var db = await MigrationRoundTripTests.SeededAsync();

        var status = await DatabaseStatusReader.ReadAsync(db.Database, db.Migrator, CancellationToken.None);

        Assert.Empty(status.Warnings);
        Assert.Contains(status.Notices, n => n.Contains("synthetic", StringComparison.Ordinal));
        Assert.Equal(12 * HkStrategy.Data.Demo.DemoSeeder.BarsPerSymbol, status.Tables["price_history"]);
        Assert.Equal(4052660.20m, status.Totals.MarketValue);
    }

    [Theory]
    [InlineData(2027, false)]
    [InlineData(2028, true)]
    public async Task Status_SaysWhenTheHolidayCalendarNoLongerCoversTheYear(int year, bool noted)
    {
        await using var db = await MigrationRoundTripTests.SeededAsync();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(year, 3, 2, 8, 0, 0, TimeSpan.Zero));

        var status = await DatabaseStatusReader.ReadAsync(db.Database, db.Migrator, CancellationToken.None, clock);

        Assert.Equal(noted, status.Notices.Any(n => n.Contains("holiday calendar covers 2021–2027", StringComparison.Ordinal)));
    }
}
