using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Tests.Costs;

/// <summary>Hong Kong's trading costs of one side of a trade, to the cent, at the edges of each rule.</summary>
public sealed class CostScheduleTests
{
    private static readonly CostSchedule Costs = CostSchedule.HongKong;
    private static readonly DateOnly Today = new(2024, 6, 3);

    [Fact]
    public void ABuyOfHk100000_In2024_CostsHk110_50()
    {
        var costs = Costs.Quote(TradeSide.Buy, 100_000m, Today);

        Assert.Equal(new TradeCosts(StampDuty: 100m, SfcLevy: 2.70m, AfrcLevy: 0.15m, TradingFee: 5.65m, SettlementFee: 2.00m, Commission: 0m), costs);
        Assert.Equal(110.50m, costs.Total);
    }

    [Theory]
    [InlineData("2800.HK")] // the Tracker Fund
    [InlineData("3033.HK")] // an ETF of the 3000–3199 range
    [InlineData("7226.HK")] // a leveraged product
    [InlineData("82800.HK")] // the Tracker Fund's renminbi counter
    public void AnExchangeTradedFundsUnits_PayNoStampDuty_ButTheLeviesAndFees(string symbol)
    {
        var costs = Costs.Quote(TradeSide.Buy, 100_000m, Today, symbol: symbol);

        Assert.Equal(new TradeCosts(StampDuty: 0m, SfcLevy: 2.70m, AfrcLevy: 0.15m, TradingFee: 5.65m, SettlementFee: 2.00m, Commission: 0m), costs);
    }

    [Theory]
    [InlineData("0700.HK")]
    [InlineData("0823.HK")] // a REIT pays stamp duty
    [InlineData("2850.HK")] // just past the ETF range
    [InlineData("2799.HK")]
    public void AShare_PaysStampDuty(string symbol)
    {
        Assert.Equal(100m, Costs.Quote(TradeSide.Sell, 100_000m, Today, symbol: symbol).StampDuty);
    }

    [Fact]
    public void TheSeller_PaysTheSame()
    {
        Assert.Equal(Costs.Quote(TradeSide.Buy, 254_321.5m, Today), Costs.Quote(TradeSide.Sell, 254_321.5m, Today));
    }

    [Theory]
    [InlineData("12345.67", "13")]   // 12.34567: any part of a dollar counts as a dollar
    [InlineData("12000", "12")]      // exactly 12: not rounded further
    [InlineData("0.5", "1")]         // the smallest trade still pays a dollar
    [InlineData("1000000.001", "1001")]
    public void StampDuty_IsRoundedUpToAWholeDollar(string consideration, string stampDuty)
    {
        Assert.Equal(decimal.Parse(stampDuty, System.Globalization.CultureInfo.InvariantCulture),
            Costs.Quote(TradeSide.Buy, decimal.Parse(consideration, System.Globalization.CultureInfo.InvariantCulture), Today).StampDuty);
    }

    [Fact]
    public void StampDuty_Is0_13PercentUntil16November2023_And0_1PercentFromThe17th()
    {
        Assert.Equal(130m, Costs.Quote(TradeSide.Buy, 100_000m, new DateOnly(2023, 11, 16)).StampDuty);
        Assert.Equal(100m, Costs.Quote(TradeSide.Buy, 100_000m, new DateOnly(2023, 11, 17)).StampDuty);
    }

    [Fact]
    public void TheAfrcLevy_StartsOn1January2022()
    {
        Assert.Equal(0m, Costs.Quote(TradeSide.Buy, 1_000_000m, new DateOnly(2021, 12, 31)).AfrcLevy);
        Assert.Equal(1.50m, Costs.Quote(TradeSide.Buy, 1_000_000m, new DateOnly(2022, 1, 3)).AfrcLevy);
    }

    [Fact]
    public void TheTradingFee_Is0_005PercentIn2022_And0_00565PercentFrom2023()
    {
        Assert.Equal(50.00m, Costs.Quote(TradeSide.Buy, 1_000_000m, new DateOnly(2022, 12, 30)).TradingFee);
        Assert.Equal(56.50m, Costs.Quote(TradeSide.Buy, 1_000_000m, new DateOnly(2023, 1, 3)).TradingFee);
    }

    [Theory]
    [InlineData("50000", "2.00")]       // 1.00 by the rate: the minimum
    [InlineData("100000", "2.00")]      // exactly the minimum
    [InlineData("123456", "2.47")]      // 2.46912 by the rate
    [InlineData("5000000", "100.00")]   // exactly the maximum
    [InlineData("10000000", "100.00")]  // 200.00 by the rate: the maximum
    public void TheSettlementFee_Is0_002Percent_AtLeastHk2_AtMostHk100(string consideration, string fee)
    {
        Assert.Equal(decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture),
            Costs.Quote(TradeSide.Sell, decimal.Parse(consideration, System.Globalization.CultureInfo.InvariantCulture), Today).SettlementFee);
    }

    [Fact]
    public void LeviesAndFees_RoundHalfACentUp_NotToTheEvenCent()
    {
        // AFRC 0.00015% of 30,000 is 0.045: half up gives 0.05 (to the even cent would give 0.04).
        Assert.Equal(0.05m, Costs.Quote(TradeSide.Buy, 30_000m, Today).AfrcLevy);
        // SFC 0.0027% of 50,000 is 1.35 exactly; of 50,185.19 it is 1.355 (to the tenth of a cent): 1.36.
        Assert.Equal(1.35m, Costs.Quote(TradeSide.Buy, 50_000m, Today).SfcLevy);
        Assert.Equal(1.36m, Costs.Quote(TradeSide.Buy, 50_185.19m, Today).SfcLevy);
    }

    [Fact]
    public void TheBrokersCommission_IsItsRate_AtLeastItsMinimum_PlusItsPlatformFee()
    {
        var broker = new BrokerProfile(Rate: 0.0003m, Minimum: 50m, PlatformFee: 15m);

        Assert.Equal(65m, Costs.Quote(TradeSide.Buy, 100_000m, Today, broker).Commission);     // 30 by the rate: the minimum
        Assert.Equal(315m, Costs.Quote(TradeSide.Buy, 1_000_000m, Today, broker).Commission);  // 300 by the rate
        Assert.Equal(0m, Costs.Quote(TradeSide.Buy, 1_000_000m, Today).Commission);            // no profile: none
    }

    [Fact]
    public void NothingTraded_CostsNothing()
    {
        Assert.Equal(0m, Costs.Quote(TradeSide.Buy, 0m, Today, new BrokerProfile(0.0003m, 50m, 15m)).Total);
    }

    [Fact]
    public void ATradeBeforeTheSchedule_IsRefused_NotGuessed()
    {
        var error = Assert.Throws<HksException>(() => Costs.Quote(TradeSide.Buy, 100_000m, new DateOnly(2021, 7, 30)));

        Assert.Equal("CostsNotKnown", error.Name);
        Assert.Contains("from 2021-08-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeConsideration_IsRefused()
    {
        Assert.Equal("InvalidAmount", Assert.Throws<HksException>(() => Costs.Quote(TradeSide.Sell, -1m, Today)).Name);
    }
}
