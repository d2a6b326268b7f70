using System.Text.Json;

namespace HkStrategy.Cli.Tests.Fees;

/// <summary><c>hks fees quote</c>: one side's costs of a trade, as a contract note shows them; bad input in one line.</summary>
public sealed class FeesQuoteCommandTests
{
    [Fact]
    public async Task ABuyOfHk100000_PrintsEachCost_AsAnObjectWithItsTotal_AndTheSettlementDay()
    {
        var run = await HksInProcess.RunAsync(["fees", "quote", "--side", "buy", "--amount", "100,000", "--date", "2024-06-07", "--json"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var quote = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("buy", quote.GetProperty("side").GetString());
        Assert.Equal("2024-06-12", quote.GetProperty("settlementDate").GetString()); // T+2 over the Tuen Ng Festival
        var fees = quote.GetProperty("fees");
        Assert.Equal("100.00", fees.GetProperty("stampDuty").GetRawText());
        Assert.Equal("2.70", fees.GetProperty("sfcLevy").GetRawText());
        Assert.Equal("0.15", fees.GetProperty("afrcLevy").GetRawText());
        Assert.Equal("5.65", fees.GetProperty("tradingFee").GetRawText());
        Assert.Equal("2.00", fees.GetProperty("settlementFee").GetRawText());
        Assert.Equal("0.00", fees.GetProperty("commission").GetRawText());
        Assert.Equal("110.50", fees.GetProperty("total").GetRawText());
    }

    [Fact]
    public async Task TheUnitsOfAnExchangeTradedFund_PayNoStampDuty_ButEveryLevyAndFee()
    {
        var run = await HksInProcess.RunAsync(["fees", "quote", "--side", "buy", "--amount", "100,000", "--date", "2024-06-07", "--symbol", "2800", "--json"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var fees = JsonDocument.Parse(run.Out).RootElement.GetProperty("fees");
        Assert.Equal("0.00", fees.GetProperty("stampDuty").GetRawText());
        Assert.Equal("10.50", fees.GetProperty("total").GetRawText());
    }

    [Fact]
    public async Task WithoutJson_TheCounterQuotedIsNamedBesideTheConsideration()
    {
        var run = await HksInProcess.RunAsync(["fees", "quote", "--side", "sell", "--amount", "100000", "--date", "2024-06-07", "--symbol", "700"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("sell of HK$100,000.00 of 0700.HK on 2024-06-07", run.Out, StringComparison.Ordinal);
        Assert.Contains("100.00", run.Out, StringComparison.Ordinal); // a share pays stamp duty
    }

    [Fact]
    public async Task ABrokersRateMinimumAndPlatformFee_MakeTheCommission()
    {
        var run = await HksInProcess.RunAsync(["fees", "quote", "--side", "sell", "--amount", "100000", "--date", "2024-06-03",
            "--commission-rate", "0.03%", "--commission-minimum", "50", "--platform-fee", "15", "--json"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var fees = JsonDocument.Parse(run.Out).RootElement.GetProperty("fees");
        Assert.Equal(65m, fees.GetProperty("commission").GetDecimal());
        Assert.Equal(175.50m, fees.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task WithoutJson_ATablePrintsEachCost_UnderTheTradeAndItsSettlement()
    {
        var run = await HksInProcess.RunAsync(["fees", "quote", "--side", "buy", "--amount", "1000000", "--date", "2023-11-16"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("buy of HK$1,000,000.00 on 2023-11-16, settling 2023-11-20", run.Out, StringComparison.Ordinal);
        Assert.Contains("1,300.00", run.Out, StringComparison.Ordinal); // stamp duty at 0.13%, the day before it fell
    }

    [Theory]
    [InlineData("InvalidSide", "--side", "hold", "--amount", "100")]
    [InlineData("InvalidAmount", "--side", "buy", "--amount", "1,5")]
    [InlineData("InvalidAmount", "--side", "buy", "--amount", "-100")]
    [InlineData("InvalidAmount", "--side", "buy", "--amount", "1e9")]
    [InlineData("InvalidDate", "--side", "buy", "--amount", "100", "--date", "03/06/2024")]
    [InlineData("CostsNotKnown", "--side", "buy", "--amount", "100", "--date", "2019-01-02")]
    [InlineData("PercentSignMissing", "--side", "buy", "--amount", "100", "--commission-rate", "0.03")]
    [InlineData("InvalidSide", "--side", "\u001b[31mbuy", "--amount", "100")]
    [InlineData("InvalidSymbol", "--side", "buy", "--amount", "100", "--symbol", "TRACKER")]
    [InlineData("InvalidSymbol", "--side", "buy", "--amount", "100", "--symbol", "2800.HK; DROP TABLE activities")]
    public async Task HostileOrAmbiguousInput_IsRefusedInOneLine_WithExitCode2(string problem, params string[] options)
    {
        var run = await HksInProcess.RunAsync(["fees", "quote", .. options]);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.EndsWith($"[{problem}]", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', line);
        Assert.Equal("", run.Out);
    }
}
