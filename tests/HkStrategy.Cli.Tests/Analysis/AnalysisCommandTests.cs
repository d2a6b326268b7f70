using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Analysis;

public sealed class AnalysisCommandTests
{
    [Fact]
    public async Task Create_StoresTheDailyValuesAndFigures_AndTheLastDayEqualsTodaysPortfolioValue()
    {
        await using var db = await DemoDatabases.SeededAsync(); // bars up to 2026-11-20, closing at today's prices

        var run = await Hks(db, "analysis", "create", "--portfolio", "My_HKEX_ALL", "--from", "2026-06-01", "--to", "2026-11-30", "--name", "H2", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("4052660.20", json.RootElement.GetProperty("endValue").GetRawText());
        Assert.Equal("2026-11-20", json.RootElement.GetProperty("to").GetString());
        var days = json.RootElement.GetProperty("days").GetInt32();
        Assert.Equal(days, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_value_history"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_value_history WHERE total_value <> portfolio_value"));
        Assert.Equal(3, await db.ScalarAsync<int>("SELECT jsonb_array_length(top_contributors) FROM portfolio_value_history ORDER BY trade_date DESC LIMIT 1"));
        Assert.Equal("H2", await db.ScalarAsync<string>("SELECT name FROM portfolio_analyses WHERE portfolio_id = 'My_HKEX_ALL'"));
    }

    [Fact]
    public async Task ListShowCompareDelete_ReadWhatCreateStored()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var first = Id(await Hks(db, "analysis", "create", "--portfolio", "My_HKEX_ALL", "--from", "2026-01-05", "--to", "2026-06-30", "--json"));
        var second = Id(await Hks(db, "analysis", "create", "--portfolio", "My_HKEX_ALL", "--from", "2026-07-02", "--to", "2026-11-20", "--json"));

        var list = await Hks(db, "analysis", "list", "--json");
        var show = await Hks(db, "analysis", "show", second, "--json");
        var compare = await Hks(db, "analysis", "compare", first, second);
        var delete = await Hks(db, "analysis", "delete", first, "--yes");

        Assert.Equal(2, JsonDocument.Parse(list.Out).RootElement.GetArrayLength());
        Assert.Equal("2026-11-20", JsonDocument.Parse(show.Out).RootElement.GetProperty("days").EnumerateArray().Last().GetProperty("date").GetString());
        Assert.Contains("Total return", compare.Out, StringComparison.Ordinal);
        Assert.Contains(" pts", compare.Out, StringComparison.Ordinal);
        Assert.Equal(0, delete.ExitCode);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_analyses"));
    }

    [Theory]
    [InlineData("analysis", "create", "--portfolio", "My_HKEX_ALL", "--from", "2025-01-01", "--to", "2026-07-02")]
    [InlineData("analysis", "create", "--portfolio", "My_HKEX_ALL", "--from", "2026-11-20", "--to", "2026-11-01")]
    [InlineData("analysis", "create", "--portfolio", "Nope", "--from", "2026-01-01", "--to", "2026-02-01")]
    [InlineData("analysis", "equity", "run", "--symbol", "0700.HK", "--strategy", "BBRK", "--from", "2024-01-01", "--to", "2026-01-02")]
    [InlineData("analysis", "equity", "run", "--symbol", "0700.HK", "--strategy", "XYZ", "--from", "2026-01-01", "--to", "2026-02-01")]
    [InlineData("analysis", "show", "999")]
    [InlineData("analysis", "equity", "run", "--symbol", "0700.HK", "--strategy", "SOVB", "--from", "2026-03-02", "--to", "2026-11-20")]
    public async Task BadRequests_AreOneLineUsageErrors(params string[] args)
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task EquityRun_StoresTheAnalysisWithItsSignalsAndAssumptions()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "analysis", "equity", "run", "--symbol", "700", "--strategy", "HMOM5", "--from", "2026-03-02", "--to", "2026-11-20", "--fee-bps", "10", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Contains("fills at the signal day's close", json.RootElement.GetProperty("assumptions").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.RootElement.GetProperty("trades").GetInt32());
        Assert.Equal("BUY", await db.ScalarAsync<string>("SELECT signal_type FROM strategy_signals ORDER BY signal_date LIMIT 1"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM strategies WHERE strategy_name = 'TXYZN HMOM5 Hold'"));
        var stored = await db.ScalarAsync<decimal>("SELECT total_return FROM equity_strategy_analyses");
        Assert.Equal(Math.Round(json.RootElement.GetProperty("totalReturn").GetDecimal(), 4), stored);
        var id = json.RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var shown = JsonDocument.Parse((await Hks(db, "analysis", "equity", "show", id, "--json")).Out);
        Assert.Equal("BUY", shown.RootElement.GetProperty("signals")[0].GetProperty("signalType").GetString());
        Assert.Single(JsonDocument.Parse((await Hks(db, "analysis", "equity", "list", "--symbol", "0700.HK", "--json")).Out).RootElement.EnumerateArray());
        Assert.Equal(0, (await Hks(db, "analysis", "equity", "delete", id, "--yes")).ExitCode);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM strategy_signals"));
    }

    [Fact]
    public async Task TheSamePeriodTwice_GetsANumberedDefaultName_ButAGivenNameIsNotTakenTwice()
    {
        await using var db = await DemoDatabases.SeededAsync();
        string[] period = ["analysis", "create", "--portfolio", "My_HKEX_ALL", "--from", "2026-07-02", "--to", "2026-11-20"];

        Assert.Equal(0, (await Hks(db, period)).ExitCode);
        Assert.Equal(0, (await Hks(db, period)).ExitCode);
        Assert.Equal(0, (await Hks(db, [.. period, "--name", "Q4"])).ExitCode);
        var again = await Hks(db, [.. period, "--name", "Q4"]);

        Assert.Equal(["My_HKEX_ALL 2026-07-02 to 2026-11-20", "My_HKEX_ALL 2026-07-02 to 2026-11-20 (2)", "Q4"],
            await db.QueryAsync<string>("SELECT name FROM portfolio_analyses ORDER BY id"));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("[AnalysisExists]", again.Error, StringComparison.Ordinal);
    }

    private static string Id(HksRun run) => JsonDocument.Parse(run.Out).RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HksRun> Hks(TestDatabase db, params string[] args) =>
        db.HksAsync(args);
}
