using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Portfolios;

/// <summary>
/// <c>hks portfolio broker</c>: a portfolio's broker profile, none by default; its commission charged on the trades
/// recorded after it with computed costs, never on those recorded before; what no broker charges refused in one line.
/// </summary>
public sealed class PortfolioBrokerCommandTests
{
    private const string Portfolio = "My_HKEX_ALL";

    private static Task<HksRun> Futu(TestDatabase db) =>
        db.HksAsync("portfolio", "broker", Portfolio, "--broker", "Futu", "--commission-rate", "0.03%", "--commission-minimum", "3", "--platform-fee", "15");

    private static Task<HksRun> Buy(TestDatabase db, string day) =>
        db.HksAsync("activity", "add", Portfolio, "--type", "buy", "--date", day, "--symbol", "0700.HK", "--quantity", "100", "--price", "350", "--json");

    private static decimal Commission(HksRun run) => JsonDocument.Parse(run.Out).RootElement.GetProperty("fees").GetProperty("commission").GetDecimal();

    [Fact]
    public async Task APortfolio_HasNoProfile_UntilOneIsSet_AndThenShowsIt()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var none = await db.HksAsync("portfolio", "broker", Portfolio, "--json");
        var set = await Futu(db);
        var shown = await db.HksAsync("portfolio", "broker", Portfolio);
        var json = await db.HksAsync("portfolio", "broker", Portfolio, "--json");

        Assert.False(JsonDocument.Parse(none.Out).RootElement.GetProperty("configured").GetBoolean());
        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Equal("My_HKEX_ALL: Futu: 0.03% of the consideration, at least HK$3.00, plus HK$15.00 a trade", shown.Out.Trim());
        var profile = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("0.0003", profile.GetProperty("commissionRate").GetRawText());
        Assert.Equal("3.00", profile.GetProperty("commissionMinimum").GetRawText());
        Assert.Equal("15.00", profile.GetProperty("platformFee").GetRawText());
    }

    [Fact]
    public async Task TradesRecordedAfterTheProfile_PayItsCommission_ThoseBeforeKeepTheirCosts()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var before = await Buy(db, "2024-06-03");

        await Futu(db);
        var after = await Buy(db, "2024-06-04");
        var small = await db.HksAsync("activity", "add", Portfolio, "--type", "buy", "--date", "2024-06-05", "--symbol", "0700.HK", "--quantity", "10",
            "--price", "350", "--json");

        Assert.Equal(0m, Commission(before));
        Assert.Equal(25.50m, Commission(after)); // 0.03% of 35,000 = 10.50, above the minimum, plus 15.00
        Assert.Equal(18.00m, Commission(small)); // 0.03% of 3,500 = 1.05, so the minimum 3.00, plus 15.00
        Assert.Equal(0m, await db.ScalarAsync<decimal>("SELECT commission FROM activities WHERE trade_date = '2024-06-03' AND symbol = '0700.HK'"));
    }

    [Fact]
    public async Task FeesQuote_WithThePortfolio_ChargesItsProfile()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await Futu(db);

        var run = await db.HksAsync("fees", "quote", "--side", "buy", "--amount", "35000", "--date", "2024-06-03", "--portfolio", Portfolio, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("25.50", JsonDocument.Parse(run.Out).RootElement.GetProperty("fees").GetProperty("commission").GetRawText());
    }

    [Fact]
    public async Task Clear_RemovesTheProfile_AndTheNextTradePaysNoCommission()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await Futu(db);

        var cleared = await db.HksAsync("portfolio", "broker", Portfolio, "--clear");
        var trade = await Buy(db, "2024-06-04");

        Assert.Equal(0, cleared.ExitCode);
        Assert.Equal(0m, Commission(trade));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM broker_profiles"));
    }

    [Theory]
    [InlineData("ClearWithValues", "--clear", "--platform-fee", "5")]
    [InlineData("PercentSignMissing", "--commission-rate", "0.03")]
    [InlineData("CommissionRateOutOfRange", "--commission-rate", "3%")]
    [InlineData("CommissionRateTooPrecise", "--commission-rate", "0.000001%")]
    [InlineData("BrokerChargeOutOfRange", "--commission-minimum", "1000000")]
    [InlineData("BrokerChargeOutOfRange", "--platform-fee", "1.005")]
    [InlineData("InvalidBrokerName", "--broker", "Futu\u001b[31m")]
    [InlineData("PortfolioMissing", "--commission-rate", "0.03%", "--database-portfolio", "Nobody")]
    public async Task WhatNoBrokerCharges_IsRefusedInOneLine_AndNothingIsWritten(string code, params string[] options)
    {
        await using var db = await DemoDatabases.SeededAsync();
        var portfolio = options.Contains("--database-portfolio") ? options[^1] : Portfolio;
        var given = options.Contains("--database-portfolio") ? options[..^2] : options;

        var run = await db.HksAsync(["portfolio", "broker", portfolio, .. given]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"[{code}]", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM broker_profiles"));
    }
}
