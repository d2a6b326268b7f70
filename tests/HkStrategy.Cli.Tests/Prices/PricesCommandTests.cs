using System.Globalization;
using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Prices;

public sealed class PricesCommandTests : IDisposable
{
    private readonly PriceFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Import_OfAHeldSymbol_WritesBarsAndTheLegacyPriceHistory_AndTwiceChangesNothing()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = _files.Write("tencent.csv", "Date,Open,High,Low,Close,Adj Close,Volume",
            "2026-11-23,600.0,612.5,598.0,610.0,610.0,15000000", "2026-11-24,610.0,615.0,605.5,606.5,606.5,12000000");

        var first = await PriceFiles.Hks(db, "prices", "import", file, "--symbol", "700", "--json");
        var second = await PriceFiles.Hks(db, "prices", "import", file, "--symbol", "0700.HK", "--json");

        Assert.Equal(0, first.ExitCode);
        using var outcome = JsonDocument.Parse(first.Out);
        Assert.Equal(2, outcome.RootElement.GetProperty("inserted").GetInt32());
        Assert.Equal(2, outcome.RootElement.GetProperty("legacyRows").GetInt32());
        using var again = JsonDocument.Parse(second.Out);
        Assert.Equal((0, 0, 2), (again.RootElement.GetProperty("inserted").GetInt32(), again.RootElement.GetProperty("updated").GetInt32(), again.RootElement.GetProperty("unchanged").GetInt32()));
        Assert.Equal(606.500m, await db.ScalarAsync<decimal>("SELECT close FROM daily_bars WHERE symbol = '0700.HK' AND trade_date = '2026-11-24'"));
        Assert.Equal(1, await db.ScalarAsync<long>("""SELECT COUNT(*) FROM price_history WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK' AND "timestamp"::date = '2026-11-24'"""));
    }

    [Fact]
    public async Task Check_FindsACloseSeriesChangedByHand_AndRepackMendsIt_LeavingTheBarsAsTheyWere()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await db.ExecuteAsync("UPDATE close_series SET closes = substring(closes FROM 13), days = days - 1 WHERE symbol = '0700.HK'");
        var bars = await db.ScalarAsync<string>("SELECT md5(string_agg(b::text, '' ORDER BY symbol, trade_date)) FROM daily_bars b");

        var found = await PriceFiles.Hks(db, "check");
        var repack = await PriceFiles.Hks(db, "prices", "repack");
        var mended = await PriceFiles.Hks(db, "check");
        var again = await PriceFiles.Hks(db, "prices", "repack", "--json");

        Assert.Equal(1, found.ExitCode);
        Assert.Contains("the close series of 1 symbol(s) are not what their daily bars pack to (0700.HK): 'hks prices repack' packs them again", found.Out + found.Error, StringComparison.Ordinal);
        Assert.True(repack.ExitCode == 0, repack.Error);
        Assert.Matches(@"^packed the close series of \d+ symbol\(s\) from their daily bars: 1 mended \(0700\.HK\)$", repack.Out.Trim());
        Assert.True(mended.ExitCode == 0, mended.Out + mended.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(await db.ScalarAsync<int>("SELECT count(*)::int FROM close_series"), json.RootElement.GetProperty("symbols").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("mended").GetArrayLength());
        Assert.Equal(bars, await db.ScalarAsync<string>("SELECT md5(string_agg(b::text, '' ORDER BY symbol, trade_date)) FROM daily_bars b"));
    }

    [Fact]
    public async Task Import_FromStandardInput_ReadsTheRowsPipedIn_AndNamesItInMessages()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var rows = "Date,Open,High,Low,Close,Volume\n2026-11-23,600.0,612.5,598.0,610.0,15000000\n";

        var run = await HksProcess.RunAsync(["prices", "import", "-", "--symbol", "700", "--json", "--database", db.Target.ConnectionString], input: rows);
        var bad = await HksProcess.RunAsync(["prices", "import", "-", "--symbol", "700", "--database", db.Target.ConnectionString], input: "Date,Open,High,Low,Close,Volume\n2026-11-31,1,1,1,1,1\n");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(1, JsonDocument.Parse(run.Out).RootElement.GetProperty("inserted").GetInt32());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("standard input: line 2:", bad.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "hks-stdin-*"));
    }

    [Fact]
    public async Task Import_WithBadRows_NamesEachByLine_AndImportsNothing()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = _files.Write("bad.csv", "Date,Open,High,Low,Close,Volume,Symbol",
            "2026-11-23,600,612.5,598,610,15000000,0700.HK",
            "2026-11-31,600,612.5,598,610,15000000,0700.HK",
            "2026-11-24,600,590,598,610,15000000,0700.HK",
            "2026-11-25,600,612.5,598,610,lots,0700.HK");
        var before = await TableSnapshot.TakeAsync(db);

        var run = await PriceFiles.Hks(db, "prices", "import", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3: '2026-11-31' is not a date", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: open 600 and close 610 must lie between low 598 and high 590", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 5: Volume 'lots'", run.Error, StringComparison.Ordinal);
        Assert.Contains("3 row(s)", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task Import_RefusesRowsOfAnotherSymbolThanGiven_AndZeroPrices()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = _files.Write("mixed.csv", "Date,Open,High,Low,Close,Volume,Symbol",
            "2026-11-23,600,612.5,598,610,15000000,0700.HK", "2026-11-23,100,102,99,101,1000,0005.HK", "2026-11-24,0,0,0,0,0,0700.HK");

        var run = await PriceFiles.Hks(db, "prices", "import", file, "--symbol", "0700.HK");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3: the row is of 0005.HK, not of 0700.HK as --symbol says", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: Open '0' is not a price", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM daily_bars WHERE trade_date > '2026-11-20'"));
    }

    [Fact]
    public async Task Refresh_SetsEachPositionsPrice_FromItsNewestBar()
    {
        await using var db = await DemoDatabases.SeededAsync();
        Assert.Equal(0, (await PriceFiles.Hks(db, "prices", "import", _files.Write("hsbc.csv", "Date,Open,High,Low,Close,Volume", "2026-11-24,100,102,99.5,101.25,2000"), "--symbol", "0005.HK")).ExitCode);

        var run = await PriceFiles.Hks(db, "prices", "refresh", "--portfolio", "My_HKEX_ALL", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(101.250m, await db.ScalarAsync<decimal>("SELECT current_price FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0005.HK'"));
        Assert.Equal(13428 * 101.25m, await db.ScalarAsync<decimal>("SELECT market_value FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0005.HK'"));
    }

    [Fact]
    public async Task Refresh_ConvertsTheCloseOfACounterTradedInRenminbi_AtItsDaysRate()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await db.ExecuteAsync("""
            INSERT INTO portfolios (portfolio_id, name) VALUES ('Rmb', 'Dual counter');
            INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES
                ('CNYHKD=X', '2024-06-03', 1.08, 1.08, 1.08, 1.08), ('CNYHKD=X', '2024-06-05', 1.1, 1.1, 1.1, 1.1),
                ('80700.HK', '2024-06-03', 100, 100, 100, 100), ('80700.HK', '2024-06-04', 110.5, 110.5, 110.5, 110.5);
            """);
        foreach (var (symbol, currency) in new[] { ("80700", "CNY"), ("0700", "HKD") })
        {
            var buy = await PriceFiles.Hks(db, "activity", "add", "Rmb", "--type", "buy", "--date", "2024-06-03", "--symbol", symbol, "--quantity", "100",
                "--price", "100", "--currency", currency, "--fees", "0");
            Assert.True(buy.ExitCode == 0, buy.Error);
        }

        var run = await PriceFiles.Hks(db, "prices", "refresh", "--portfolio", "Rmb", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        // ¥110.50 at the rate on or before its bar's day (06-04: the 06-03 close, 1.08), so that it sits beside its HK$ cost
        Assert.Equal(119.340m, await db.ScalarAsync<decimal>("SELECT current_price FROM portfolio_positions WHERE portfolio_id = 'Rmb' AND symbol = '80700.HK'"));
        Assert.Equal(108.000m, await db.ScalarAsync<decimal>("SELECT avg_cost FROM portfolio_positions WHERE portfolio_id = 'Rmb' AND symbol = '80700.HK'"));
        Assert.Equal(await db.ScalarAsync<decimal>("SELECT close FROM daily_bars WHERE symbol = '0700.HK' ORDER BY trade_date DESC LIMIT 1"), // a HK$ counter: its close
            await db.ScalarAsync<decimal>("SELECT current_price FROM portfolio_positions WHERE portfolio_id = 'Rmb' AND symbol = '0700.HK'"));
    }

    [Fact]
    public async Task Indicators_PrintEveryFieldPerDay_NullWhereUndefined()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await PriceFiles.Hks(db, "indicators", "0700.HK", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var days = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(250, days.Count);
        string[] fields = ["date", "close", "ema5", "ema20", "ema50", "rsi14", "macd", "macdSignal", "macdHist", "atr14", "bbUpper", "bbMiddle", "bbLower", "volAvg20", "high20", "low20"];
        Assert.Equal(fields, days[^1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, days[0].GetProperty("ema5").ValueKind);
        Assert.Equal(JsonValueKind.Number, days[49].GetProperty("ema50").ValueKind);
        Assert.Equal(599.0, days[^1].GetProperty("close").GetDouble(), 3);
        Assert.InRange(days[^1].GetProperty("rsi14").GetDouble(), 0, 100);
    }
}
