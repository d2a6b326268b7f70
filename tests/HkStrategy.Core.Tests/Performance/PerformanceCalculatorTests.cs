using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Performance;

namespace HkStrategy.Core.Tests.Performance;

/// <summary>
/// The worked examples of docs/performance.md, to the cent: two buys, a quiet day and a sale in the first week of June
/// 2024, against the Tracker Fund and the holdings of the second day held unchanged.
/// </summary>
public sealed class PerformanceCalculatorTests
{
    private static DateOnly Day(int june) => new(2024, 6, june);

    private static Activity Trade(long id, ActivityType type, int june, int quantity, decimal price) => new()
    {
        Id = id, PortfolioId = "P", Type = type, TradeDate = Day(june), Symbol = "0001.HK", Quantity = quantity, Price = price,
    };

    private static readonly Activity[] Week =
    [
        Trade(1, ActivityType.Buy, 3, 1000, 10m),
        Trade(2, ActivityType.Buy, 4, 1000, 11m),
        Trade(3, ActivityType.Sell, 6, 500, 12m),
    ];

    private static ClosingPrices Prices()
    {
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), Day(4), Day(5), Day(6)], [10.50m, 11m, 10m, 12m]);
        prices.Add("2800.HK", [new DateOnly(2024, 5, 31), Day(3), Day(6)], [18m, 18.18m, 18.90m]);
        return prices;
    }

    private static PerformanceReport Report(IReadOnlyList<Activity> activities, DateOnly? from = null, DateOnly? baseline = null) =>
        PerformanceCalculator.Calculate(new PerformanceRequest(activities, Prices(), from, Day(6), BaselineDate: baseline));

    [Fact]
    public void TheTimeWeightedReturn_ChainsEachDaysReturn_WithItsFlowsAtTheClose()
    {
        var report = Report(Week);

        // 10,500 / 10,000 × (22,000 − 11,000) / 10,500 × 20,000 / 22,000 × (18,000 + 6,000) / 20,000 = 1.2
        Assert.Equal(0.2m, Math.Round(report.Twr!.Value, 10));
        Assert.Equal([0.05m, 0.1m, 0m, 0.2m], report.Daily.Select(d => Math.Round(d.Twr, 10)));
        Assert.Equal([10_000m, 11_000m, 0m, -6_000m], report.Daily.Select(d => d.NetFlow));
        Assert.Equal(18_000m, report.EndValue);
    }

    [Fact]
    public void ASale_RealisesAgainstTheAverageCost_AndWhatIsLeftIsUnrealised()
    {
        var report = Report(Week);

        Assert.Equal(750m, report.RealizedPnl);     // 6,000 − 500 × 10.50
        Assert.Equal(2_250m, report.UnrealizedPnl); // 1,500 × 12 − 15,750
        var sale = Assert.Single(report.Sales);
        Assert.Equal((6_000m, 5_250m, 750m), (sale.Proceeds, sale.CostOut, sale.RealizedPnl));
        var position = Assert.Single(report.Positions);
        Assert.Equal(new PositionPerformance("0001.HK", 1500, 15_750m, 18_000m, 750m, 2_250m, 0m, 0m, null, null), position with { Twr = null, Mwr = null });
    }

    [Fact]
    public void ACashDividend_IsReturn_TakenOutOnItsDay()
    {
        var dividend = new Activity { Id = 4, PortfolioId = "P", Type = ActivityType.Dividend, TradeDate = Day(5), Symbol = "0001.HK", Amount = 500m };

        var report = Report([.. Week, dividend]);

        // 1.1 × (20,000 + 500) / 22,000 × 1.2 = 1.23
        Assert.Equal(0.23m, Math.Round(report.Twr!.Value, 10));
        Assert.Equal(500m, report.Dividends);
        Assert.Equal(500m, Assert.Single(report.Years).Dividends);
    }

    [Fact]
    public void APeriod_StartsFromTheValueAtTheCloseBeforeIt()
    {
        var report = Report(Week, from: Day(4));

        Assert.Equal(10_500m, report.StartValue);
        Assert.Equal(Math.Round(8m / 7m - 1m, 10), Math.Round(report.Twr!.Value, 10)); // 11,000 / 10,500 × 20,000 / 22,000 × 1.2
        Assert.Equal(750m, report.RealizedPnl);
        Assert.Equal(Math.Round(18.90m / 18.18m - 1m, 10), Math.Round(report.Benchmark.Twr!.Value, 10)); // from the close of the 3rd
    }

    [Fact]
    public void TheBenchmark_IsThePriceReturnOfTheTrackerFund_FromTheCloseBeforeThePeriod()
    {
        var report = Report(Week);

        Assert.Equal("2800.HK", report.Benchmark.Symbol);
        Assert.Equal(0.05m, report.Benchmark.Twr);         // 18.90 / 18.00 − 1
        Assert.Equal(0.01m, report.Daily[0].Benchmark);    // 18.18 / 18.00 − 1
        Assert.Equal(0.01m, report.Daily[1].Benchmark);    // no close on the 4th: the last before it
    }

    [Fact]
    public void TheBaseline_HoldsTheHoldingsOfItsDateUnchanged()
    {
        var report = Report(Week, baseline: Day(4));

        Assert.Equal(new BaselineReturn(Day(4), 22_000m, 24_000m, 24_000m / 22_000m - 1m), report.Baseline);
        Assert.Equal([null, 0m, 20_000m / 22_000m - 1m, 24_000m / 22_000m - 1m], report.Daily.Select(d => d.Baseline));
    }

    [Fact]
    public void TheMoneyWeightedReturn_IsTheXirrOfTheFlows_Annualised()
    {
        var year = new[]
        {
            Trade(1, ActivityType.Buy, 3, 1000, 10m),
        };
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), new DateOnly(2025, 6, 3)], [10m, 11m]);

        var report = PerformanceCalculator.Calculate(new PerformanceRequest(year, prices, null, new DateOnly(2025, 6, 3)));

        Assert.Equal(0.1m, Math.Round(report.Mwr!.Value, 8)); // 10,000 in, 11,000 a year (365 days) later
        Assert.Equal(0.1m, Math.Round(report.Twr!.Value, 8));
    }

    [Fact]
    public void MoreMoneyPutInBeforeAFall_LowersTheMoneyWeightedReturn_ButNotTheTimeWeighted()
    {
        var later = new DateOnly(2024, 12, 2);
        var end = new DateOnly(2025, 6, 3);
        var year = new[]
        {
            Trade(1, ActivityType.Buy, 3, 1000, 10m),
            Trade(2, ActivityType.Buy, 3, 1000, 12m) with { TradeDate = later },
        };
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), later, end], [10m, 12m, 11.50m]);

        var report = PerformanceCalculator.Calculate(new PerformanceRequest(year, prices, null, end));

        Assert.Equal(0.15m, Math.Round(report.Twr!.Value, 8)); // 1.20 × (23,000 / 24,000) − 1
        // 10,000 × (1 + r) + 12,000 × (1 + r)^(183/365) = 23,000, the second buy 182 days after the first
        Assert.Equal(0.062794m, Math.Round(report.Mwr!.Value, 6));
    }

    [Fact]
    public void ThePortfoliosOnlyPosition_HasThePortfoliosReturns_DividendIncluded()
    {
        var dividend = new Activity { Id = 4, PortfolioId = "P", Type = ActivityType.Dividend, TradeDate = Day(5), Symbol = "0001.HK", Amount = 500m };

        foreach (var report in new[] { Report(Week), Report([.. Week, dividend]) })
        {
            var position = Assert.Single(report.Positions);

            Assert.Equal(Math.Round(report.Twr!.Value, 10), Math.Round(position.Twr!.Value, 10)); // 20%, and 23% with the dividend
            Assert.Equal(Math.Round(report.Mwr!.Value, 6), Math.Round(position.Mwr!.Value, 6));
        }
    }

    [Fact]
    public void EachPosition_HasItsOwnReturns_FromItsValueAndItsOwnFlows()
    {
        var (later, end) = (new DateOnly(2024, 12, 2), new DateOnly(2025, 6, 3));
        var year = new[]
        {
            Trade(1, ActivityType.Buy, 3, 1000, 10m),
            Trade(2, ActivityType.Buy, 3, 1000, 12m) with { TradeDate = later },
            Trade(3, ActivityType.Buy, 3, 1000, 20m) with { Symbol = "0002.HK" },
        };
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), later, end], [10m, 12m, 11.50m]);
        prices.Add("0002.HK", [Day(3), new DateOnly(2024, 11, 29), end], [20m, 21m, 22m]);

        var whole = PerformanceCalculator.Calculate(new PerformanceRequest(year, prices, null, end)).Positions;
        var fromTheSecondBuy = PerformanceCalculator.Calculate(new PerformanceRequest(year, prices, later, end)).Positions;

        // 0001.HK: the worked example's 15% and 6.28%; 0002.HK: 20,000 held a year to 22,000, 10% both ways
        Assert.Equal([("0001.HK", 0.15m, 0.062794m), ("0002.HK", 0.1m, 0.1m)],
            whole.Select(p => (p.Symbol, Math.Round(p.Twr!.Value, 6), Math.Round(p.Mwr!.Value, 6))));
        // From 2024-12-02, each starts from its value at the close before (2024-11-29): 10,000 and 21,000
        Assert.Equal([("0001.HK", 0.15m), ("0002.HK", 0.047619m)], fromTheSecondBuy.Select(p => (p.Symbol, Math.Round(p.Twr!.Value, 6))));
    }

    [Fact]
    public void APositionSoldOutInThePeriod_KeepsTheReturnItMadeWhileHeld()
    {
        var roundTrip = new[]
        {
            Trade(1, ActivityType.Buy, 3, 1000, 10m),
            Trade(2, ActivityType.Sell, 5, 1000, 11m),
        };
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), Day(4), Day(5), Day(6)], [10m, 10.5m, 11m, 13m]);

        var position = Assert.Single(PerformanceCalculator.Calculate(new PerformanceRequest(roundTrip, prices, null, Day(6))).Positions);

        Assert.Equal(0.1m, Math.Round(position.Twr!.Value, 10)); // 10,000 to 11,000; the rise after the sale is not its
        Assert.Equal(0, position.Quantity);
    }

    [Fact]
    public void ACounterTradedInRenminbi_IsValuedInHongKongDollars_AtEachDaysRate()
    {
        var buy = Trade(1, ActivityType.Buy, 3, 1000, 100m) with { Symbol = "80700.HK", Currency = "CNY", FxRate = 1.08m };
        var prices = new ClosingPrices();
        prices.Add("80700.HK", [Day(3), Day(4)], [100m, 110m]);
        var withRates = new ClosingPrices();
        withRates.Add("80700.HK", [Day(3), Day(4)], [100m, 110m]);
        withRates.Add("CNYHKD=X", [Day(3), Day(4)], [1.08m, 1.1m]);

        var atEachDaysRate = PerformanceCalculator.Calculate(new PerformanceRequest([buy], withRates, null, Day(4)));
        var atTheTradesRate = PerformanceCalculator.Calculate(new PerformanceRequest([buy], prices, null, Day(4)));

        Assert.Equal(121_000m, atEachDaysRate.EndValue); // 1,000 × ¥110 × 1.10
        Assert.Equal(Math.Round(121_000m / 108_000m - 1m, 10), Math.Round(atEachDaysRate.Twr!.Value, 10));
        Assert.Equal(13_000m, Assert.Single(atEachDaysRate.Positions).UnrealizedPnl);
        Assert.Equal(118_800m, atTheTradesRate.EndValue); // no rates stored: the buy's 1.08
    }

    [Fact]
    public void ACounterTradedInUsDollars_IsValuedAtTheDollarsRate_AndAnHShareDividendInRenminbi_LeavesItsSharesInHkd()
    {
        Activity[] activities =
        [
            Trade(1, ActivityType.Buy, 3, 100, 10m) with { Symbol = "9088.HK", Currency = "USD", FxRate = 7.8m },
            Trade(2, ActivityType.Buy, 3, 1000, 5m) with { Symbol = "0939.HK" },
            new Activity { Id = 3, PortfolioId = "P", Type = ActivityType.Dividend, TradeDate = Day(4), Symbol = "0939.HK", Amount = 100m, Currency = "CNY", FxRate = 1.09m },
        ];
        var prices = new ClosingPrices();
        prices.Add("9088.HK", [Day(3), Day(4)], [10m, 11m]);
        prices.Add("0939.HK", [Day(3), Day(4)], [5m, 5.5m]);
        prices.Add("USDHKD=X", [Day(3), Day(4)], [7.8m, 7.82m]);
        prices.Add("CNYHKD=X", [Day(3), Day(4)], [1.08m, 1.09m]);

        var report = PerformanceCalculator.Calculate(new PerformanceRequest(activities, prices, null, Day(4)));

        Assert.Equal([("0939.HK", 5_500m), ("9088.HK", 8_602m)], report.Positions.Select(p => (p.Symbol, p.Value))); // 100 × US$11 × 7.82
    }

    [Fact]
    public void ADividendPaidAfterTheSharesWereSold_IsReturnOnTheSalesProceeds()
    {
        var activities = new[]
        {
            Trade(1, ActivityType.Buy, 3, 1000, 10m),
            Trade(2, ActivityType.Sell, 4, 1000, 11m),
            new Activity { Id = 3, PortfolioId = "P", Type = ActivityType.Dividend, TradeDate = Day(6), Symbol = "0001.HK", Amount = 500m },
        };
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), Day(4), Day(5), Day(6)], [10m, 11m, 11m, 11m]);

        var report = PerformanceCalculator.Calculate(new PerformanceRequest(activities, prices, null, Day(6)));

        // 10,000 in, 11,000 out, then 500 more: (11,000 + 500) / 10,000 − 1
        Assert.Equal(0.15m, Math.Round(report.Twr!.Value, 10));
        Assert.Equal(0.15m, Math.Round(Assert.Single(report.Positions).Twr!.Value, 10));
    }

    [Fact]
    public void AFeeChargedWithNothingHeld_AddsNoReturn_AndLeavesTheChainAsItWas()
    {
        var activities = new[]
        {
            Trade(1, ActivityType.Buy, 3, 1000, 10m),
            Trade(2, ActivityType.Sell, 4, 1000, 11m),
            new Activity { Id = 3, PortfolioId = "P", Type = ActivityType.Fee, TradeDate = Day(5), Symbol = "0001.HK", Amount = 50m },
            Trade(4, ActivityType.Buy, 6, 1000, 11m),
        };
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), Day(4), Day(5), Day(6)], [10m, 11m, 11m, 12.10m]);

        var report = PerformanceCalculator.Calculate(new PerformanceRequest(activities, prices, null, Day(6)));

        Assert.Equal(0.21m, Math.Round(report.Twr!.Value, 10)); // 1.10, then 12,100 / 11,000
        Assert.Equal(0.21m, Math.Round(Assert.Single(report.Positions).Twr!.Value, 10));
    }

    [Fact]
    public void ALargeBuyJoiningATinyHolding_CountsFromTheDaysStart_RatherThanTurnTheReturnNegative()
    {
        var activities = new[]
        {
            Trade(1, ActivityType.Buy, 3, 1, 10m),
            Trade(2, ActivityType.Buy, 4, 10_000, 10m) with { Fees = new TradeCosts(100m, 2.7m, 0.15m, 5.65m, 2m, 20m) },
        };
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), Day(4), Day(5)], [10m, 10m, 10.5m]);

        var report = PerformanceCalculator.Calculate(new PerformanceRequest(activities, prices, null, Day(5)));

        // 06-04 at the close: (100,010 − 100,130.50) / 10 would be −12.05; from the start: 100,010 / (10 + 100,130.50)
        var expected = 100_010m / 100_140.50m * 1.05m - 1m;
        Assert.Equal(Math.Round(expected, 10), Math.Round(report.Twr!.Value, 10));
        Assert.Equal(Math.Round(expected, 10), Math.Round(Assert.Single(report.Positions).Twr!.Value, 10));
    }

    [Fact]
    public void CostsAreSummedByKind_AndAFeeChargedApartIsOther()
    {
        var costs = CostSchedule.HongKong.Quote(TradeSide.Buy, 10_000m, Day(3));
        var fee = new Activity { Id = 5, PortfolioId = "P", Type = ActivityType.Fee, TradeDate = Day(5), Amount = 30m, Note = "custody" };

        var report = Report([Week[0] with { Fees = costs }, Week[1], Week[2], fee]);

        Assert.Equal(CostsByKind.None.Plus(costs, 30m), report.Fees);
        Assert.Equal(costs.Total + 30m, report.Fees.Total);
    }

    [Fact]
    public void ASymbolWithNoCloses_IsValuedAtItsLastTradePrice_AndNamed()
    {
        var other = new Activity { Id = 9, PortfolioId = "P", Type = ActivityType.Buy, TradeDate = Day(3), Symbol = "0016.HK", Quantity = 100, Price = 90m };

        var report = Report([.. Week, other]);

        Assert.Equal(["0016.HK"], report.Unpriced);
        Assert.Equal(18_000m + 9_000m, report.EndValue);
    }

    [Fact]
    public void HoldingsAreValuedToTheCent_HalvesRoundedUp_WhetherTheClosesAreWholeThousandthsOrNot()
    {
        var days = Enumerable.Range(0, 40).Select(i => new DateOnly(2024, 1, 2).AddDays(i)).ToArray();
        var random = new Random(20241);
        var ledger = Enumerable.Range(0, 120).Select(i => new Activity
        {
            Id = i + 1, PortfolioId = "P", Type = ActivityType.Buy, TradeDate = days[1 + i / 4], Symbol = $"{i % 3 + 1:D4}.HK",
            Quantity = random.Next(1, 50_000), Price = random.Next(1, 900_000) / 1000m,
        }).ToList();
        var closes = Enumerable.Range(0, 3).Select(_ => days.Select(_ => random.Next(1, 900_000) / 1000m).ToArray()).ToArray();
        PerformanceReport Valued(decimal firstClose)
        {
            var prices = new ClosingPrices();
            for (var s = 0; s < 3; s++)
            {
                // Nothing is held on the first day: its close only decides how the symbol's closes are read.
                prices.Add($"{s + 1:D4}.HK", days, [firstClose, .. closes[s][1..]]);
            }
            return PerformanceCalculator.Calculate(new PerformanceRequest(ledger, prices, null, days[^1]));
        }

        var inThousandths = Valued(1m);
        var asDecimals = Valued(1.0001m);

        Assert.Equal(asDecimals.Daily.Select(d => d.Value), inThousandths.Daily.Select(d => d.Value));
        Assert.Equal(asDecimals.Positions, inThousandths.Positions);
        var halfACent = new Activity { Id = 1, PortfolioId = "P", Type = ActivityType.Buy, TradeDate = Day(3), Symbol = "0001.HK", Quantity = 5, Price = 0.001m };
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3)], [0.001m]);
        Assert.Equal(0.01m, PerformanceCalculator.Calculate(new PerformanceRequest([halfACent], prices, null, Day(3))).EndValue);
    }

    /// <summary>200 symbols bought one share a day for 60 days, in the ledger's order: more than enough to be derived side by side.</summary>
    private static List<Activity> LargeLedger()
    {
        var ledger = new List<Activity>();
        for (var day = 0; day < 60; day++)
        {
            for (var s = 0; s < 200; s++)
            {
                ledger.Add(new Activity
                {
                    Id = ledger.Count + 1, PortfolioId = "P", Type = ActivityType.Buy, TradeDate = new DateOnly(2024, 1, 1).AddDays(day),
                    Symbol = $"{s + 1:D4}.HK", Quantity = 1, Price = 10m + s,
                });
            }
        }
        return ledger;
    }

    private static Activity Oversell(long id, string symbol) => new()
    {
        Id = id, PortfolioId = "P", Type = ActivityType.Sell, TradeDate = Day(3), Symbol = symbol, Quantity = 61, Price = 10m,
    };

    [Fact]
    public void ALargeLedger_DerivesEveryChain_AsASmallOneWould()
    {
        var report = Report(LargeLedger());

        Assert.Equal(200, report.Positions.Count);
        Assert.All(report.Positions, p => Assert.Equal(60, p.Quantity));
        Assert.Equal(1_314_000m, report.Positions.Sum(p => p.Cost)); // 60 × (200 × 10 + 0 + 1 + … + 199)
    }

    [Fact]
    public void ALargeLedgerWithTwoImpossibleSales_FailsWithTheErrorOfTheChainThatComesFirst()
    {
        var ledger = LargeLedger();
        ledger.Add(Oversell(20_001, "0151.HK"));
        ledger.Add(Oversell(20_002, "0041.HK"));

        var error = Assert.Throws<OversoldException>(() => Report(ledger));

        Assert.Contains("0041.HK", error.Message, StringComparison.Ordinal);
    }
}
