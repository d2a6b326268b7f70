using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Tests.Ledger;

/// <summary>
/// A position derived from its activities by weighted average cost, the worked example of docs/ledger.md to the cent:
/// two buys of Tencent in March 2024 with Hong Kong's costs, then a sale.
/// </summary>
public sealed class WeightedAverageCostTests
{
    private static readonly CostSchedule Costs = CostSchedule.HongKong;

    private static Activity Trade(long id, ActivityType type, string day, int quantity, decimal price)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var side = type == ActivityType.Sell ? TradeSide.Sell : TradeSide.Buy;
        return new Activity
        {
            Id = id, PortfolioId = "P", Type = type, TradeDate = date, Symbol = "0700.HK", Quantity = quantity, Price = price,
            Fees = Costs.Quote(side, quantity * price, date),
        };
    }

    private static Activity Of(long id, ActivityType type, string day, int? quantity = null, decimal? price = null, SplitRatio? ratio = null) => new()
    {
        Id = id, PortfolioId = "P", Type = type, TradeDate = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
        Symbol = "0700.HK", Quantity = quantity, Price = price, Ratio = ratio,
    };

    private static readonly Activity FirstBuy = Trade(1, ActivityType.Buy, "2024-03-04", 1000, 320.2m);
    private static readonly Activity SecondBuy = Trade(2, ActivityType.Buy, "2024-03-05", 500, 330m);
    private static readonly Activity Sale = Trade(3, ActivityType.Sell, "2024-03-06", 600, 350m);

    [Fact]
    public void ABuy_AddsItsConsiderationAndItsCosts_ToTheCost()
    {
        var step = WeightedAverageCost.Apply(Holding.None, FirstBuy);

        Assert.Equal(354.62m, FirstBuy.Fees.Total); // 321 + 8.65 + 0.48 + 18.09 + 6.40
        Assert.Equal(new Holding(1000, 320_554.62m), step.After);
        Assert.Equal(320.555m, step.After.AverageCost);
        Assert.Null(step.RealizedPnl);
    }

    [Fact]
    public void ASecondBuy_AveragesTheCostOverAllShares()
    {
        var after = WeightedAverageCost.Derive([FirstBuy, SecondBuy])[^1].After;

        Assert.Equal(182.33m, SecondBuy.Fees.Total); // 165 + 4.46 + 0.25 + 9.32 + 3.30
        Assert.Equal(new Holding(1500, 485_736.95m), after);
        Assert.Equal(323.825m, after.AverageCost); // 323.82463…
    }

    [Fact]
    public void ASale_TakesOffTheAverageCostOfTheSharesSold_AndRealisesProceedsLessCostsLessThatCost()
    {
        var sale = WeightedAverageCost.Derive([FirstBuy, SecondBuy, Sale])[^1];

        Assert.Equal(232.06m, Sale.Fees.Total); // 210 + 5.67 + 0.32 + 11.87 + 4.20
        Assert.Equal(194_294.78m, sale.CostOut); // 485,736.95 × 600 / 1,500
        Assert.Equal(15_473.16m, sale.RealizedPnl); // 210,000 − 232.06 − 194,294.78
        Assert.Equal(new Holding(900, 291_442.17m), sale.After);
        Assert.Equal(323.825m, sale.After.AverageCost); // the average stays
    }

    [Fact]
    public void SellingTheLastShare_TakesAllTheCostLeft()
    {
        var all = Trade(4, ActivityType.Sell, "2024-03-07", 900, 360m);

        var last = WeightedAverageCost.Derive([FirstBuy, SecondBuy, Sale, all])[^1];

        Assert.Equal(Holding.None, last.After);
        Assert.Equal(291_442.17m, last.CostOut);
    }

    [Fact]
    public void TheChain_IsDerivedInTheLedgersOrder_ByDateThenAsRecorded_ANewActivityLastOfItsDay()
    {
        var backdated = Of(0, ActivityType.Bonus, "2024-03-05", quantity: 100);

        var steps = WeightedAverageCost.Derive([Sale, backdated, SecondBuy, FirstBuy]);

        Assert.Equal([1L, 2L, 0L, 3L], steps.Select(s => s.Activity.Id));
        Assert.Equal(1000, steps[^1].After.Quantity); // 1,000 + 500 + 100 − 600
    }

    [Fact]
    public void SellingMoreThanHeld_IsRefused_NamingTheDay()
    {
        var tooMany = Trade(3, ActivityType.Sell, "2024-03-05", 1501, 350m);

        var refusal = Assert.Throws<OversoldException>(() => WeightedAverageCost.Derive([FirstBuy, tooMany, SecondBuy]));

        Assert.Equal("SellsMoreThanHeld", refusal.Name);
        Assert.Contains("2024-03-05", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("1,500 shares held then", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABonusIssue_AddsShares_NotCost()
    {
        var bonus = Of(2, ActivityType.Bonus, "2024-05-02", quantity: 100); // one for ten

        var after = WeightedAverageCost.Derive([FirstBuy, bonus])[^1].After;

        Assert.Equal(new Holding(1100, 320_554.62m), after);
        Assert.Equal(291.413m, after.AverageCost); // 291.41329…
    }

    [Theory]
    [InlineData(1, 2, 2000)]   // each share split in two
    [InlineData(10, 1, 100)]   // ten consolidated into one
    [InlineData(3, 1, 333)]    // 1,000 / 3: whole shares only, the cost stays with them
    public void ASplitOrConsolidation_ChangesTheShares_NotTheCost(int from, int to, int shares)
    {
        var split = Of(2, ActivityType.Split, "2024-05-02", ratio: new SplitRatio(from, to));

        var after = WeightedAverageCost.Derive([FirstBuy, split])[^1].After;

        Assert.Equal(new Holding(shares, 320_554.62m), after);
    }

    [Fact]
    public void AScripDividend_AddsItsSharesAtTheirReferencePrice()
    {
        var scrip = Of(2, ActivityType.ScripDividend, "2024-05-20", quantity: 12, price: 350.4m);

        var after = WeightedAverageCost.Derive([FirstBuy, scrip])[^1].After;

        Assert.Equal(new Holding(1012, 320_554.62m + 4_204.80m), after);
    }

    [Fact]
    public void AnOpeningBalanceOrAdjustment_SetsThePositionAsGiven()
    {
        var opening = Of(1, ActivityType.Opening, "2024-01-02", quantity: 300, price: 312.345m);
        var adjustment = Of(3, ActivityType.Adjustment, "2024-06-03", quantity: 250, price: 300.001m);

        var steps = WeightedAverageCost.Derive([opening, SecondBuy, adjustment]);

        Assert.Equal(312.345m, steps[0].After.AverageCost);
        Assert.Equal(new Holding(250, 75_000.25m), steps[^1].After);
        Assert.Equal(300.001m, steps[^1].After.AverageCost);
    }

    [Fact]
    public void ATransferOut_TakesSharesAtTheirAverageCost_AndRealisesNothing()
    {
        var transfer = Of(2, ActivityType.TransferOut, "2024-05-02", quantity: 400);

        var step = WeightedAverageCost.Derive([FirstBuy, transfer])[^1];

        Assert.Equal(new Holding(600, 192_332.77m), step.After); // 320,554.62 − 128,221.85
        Assert.Null(step.RealizedPnl);
    }

    [Fact]
    public void ADividend_LeavesThePositionAsItWas()
    {
        var dividend = Of(2, ActivityType.Dividend, "2024-05-20") with { Amount = 3_400m };

        Assert.Equal(new Holding(1000, 320_554.62m), WeightedAverageCost.Derive([FirstBuy, dividend])[^1].After);
    }

    [Fact]
    public void ATradeInRenminbi_IsCostedInHongKongDollarsAtItsRate()
    {
        var buy = Of(1, ActivityType.Buy, "2024-03-04", quantity: 1000, price: 290.5m) with { Currency = "CNY", FxRate = 1.08765m };

        Assert.Equal(315_962.33m, buy.ConsiderationHkd); // 290,500 × 1.08765 = 315,962.325
        Assert.Equal(new Holding(1000, 315_962.33m), WeightedAverageCost.Apply(Holding.None, buy).After);
    }
}
