using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Prices;

/// <summary>Price files whose bars would change meaning (from the future, on closed days) or that never end a line.</summary>
public sealed class HostilePriceFileTests : IDisposable
{
    private readonly PriceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task BarsFromTheFuture_AndOnClosedDays_AreRefusedWithTheirLines_AndNothingIsImported()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = _files.Write("future.csv", "Date,Open,High,Low,Close,Volume",
            "2026-11-20,600,612.5,598,610,15000000",
            "2099-01-05,10,10.5,9.5,10.5,100",
            "2026-11-21,600,612.5,598,610,15000000",
            "2026-10-01,600,612.5,598,610,15000000");
        var before = await TableSnapshot.TakeAsync(db);

        var run = await PriceFiles.Hks(db, "prices", "import", file, "--symbol", "700");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3: 2099-01-05 is after today", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: 2026-11-21 is a day HKEX was closed (Saturday)", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 5: 2026-10-01 is a day HKEX was closed (National Day)", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task AHolidayBar_IsImportedWhenTheUserSaysTheExchangeTraded()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = _files.Write("holiday.csv", "Date,Open,High,Low,Close,Volume", "2026-10-01,600,612.5,598,610,15000000");

        var run = await PriceFiles.Hks(db, "prices", "import", file, "--symbol", "700", "--allow-closed-days");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM daily_bars WHERE symbol = '0700.HK' AND trade_date = '2026-10-01'"));
    }

    [Fact]
    public async Task Refresh_NeverPricesAPositionAtABarFromTheFuture()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await db.ExecuteAsync("INSERT INTO daily_bars (symbol, trade_date, open, high, low, close, volume, source) VALUES ('0700.HK', '2099-01-05', 10, 10.5, 9.5, 10.5, 100, 'other program')");

        var run = await PriceFiles.Hks(db, "prices", "refresh");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.NotEqual(10.5m, await db.ScalarAsync<decimal>("SELECT current_price FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
    }

    [Fact]
    public async Task AFileWithoutLineEnds_IsRefusedNamingTheLimit()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await PriceFiles.Hks(db, "prices", "import", "/dev/zero", "--symbol", "700");

        Assert.True(run.ExitCode == 4, run.Error);
        Assert.EndsWith("[LineTooLong]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
