using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Prices;

/// <summary>hks prices fetch against <see cref="RecordedPriceSource"/> (recorded chart answers on loopback), never the network.</summary>
public sealed class PricesFetchCommandTests
{
    [Fact]
    public async Task Fetch_BringsInTheBarsAfterTheNewest_AndTheSecondRunFindsThemThere()
    {
        await using var db = await DemoDatabases.SeededAsync(); // bars up to 2026-11-20
        await using var source = new RecordedPriceSource();

        var first = await Fetch(db, source, "--symbols", "0700.HK", "--json");
        var second = await Fetch(db, source, "--symbols", "0700.HK", "--from", "2026-11-19");

        Assert.True(first.ExitCode == 0, first.Error);
        using var json = JsonDocument.Parse(first.Out);
        Assert.Equal(2, json.RootElement[0].GetProperty("bars").GetInt32());
        Assert.Equal("2026-11-21", json.RootElement[0].GetProperty("from").GetString());
        Assert.Equal(606.500m, await db.ScalarAsync<decimal>("SELECT close FROM daily_bars WHERE symbol = '0700.HK' AND trade_date = '2026-11-24' AND source = 'yahoo'"));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0700.HK: 4 bar(s) from 2026-11-19, 0 new, 2 changed", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingSource_LeavesTheDataAsItWas_AndExits3_WhileOtherSymbolsGoOn()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var source = new RecordedPriceSource();
        source.Failing.Add("0005.HK");
        var before = await db.ScalarAsync<long>("SELECT COUNT(*) FROM daily_bars WHERE symbol = '0005.HK'");

        var run = await Fetch(db, source, "--symbols", "0005.HK,0700.HK", "--retries", "1");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("0005.HK: FAILED — the price source answered 500", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 failed, their data is unchanged", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT COUNT(*) FROM daily_bars WHERE symbol = '0005.HK'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM daily_bars WHERE symbol = '0700.HK' AND trade_date = '2026-11-24'"));
    }

    [Fact]
    public async Task Offline_IsOneClearLine_AndChangesNothing()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var before = await TableSnapshot.TakeAsync(db);

        var run = await HksProcess.RunAsync(["prices", "fetch", "--symbols", "0700.HK", "--retries", "0", "--database", db.Target.ConnectionString],
            new Dictionary<string, string?> { ["HKS_PRICE_SOURCE_URL"] = "http://127.0.0.1:9" });

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("did not answer for 0700.HK after 1 attempt(s)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    private static Task<HksRun> Fetch(TestDatabase db, RecordedPriceSource source, params string[] args) =>
        HksProcess.RunAsync(["prices", "fetch", .. args, "--database", db.Target.ConnectionString],
            new Dictionary<string, string?> { ["HKS_PRICE_SOURCE_URL"] = source.BaseUrl.ToString() });
}
