using HkStrategy.Core.Analysis;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Tests.Analysis;

public sealed class ValueAnalysisTests
{
    private static readonly DateOnly Mon = new(2026, 11, 16);

    [Fact]
    public void DailyValues_AreQuantityTimesClose_WithChangeReturnAndTopContributors()
    {
        var result = ValueAnalysis.Compute(
            [new Holding("0700.HK", 100), new Holding("0005.HK", 1000)],
            Closes(("0700.HK", [500m, 510m, 505m]), ("0005.HK", [100m, 99m, 101m])),
            [Mon, Mon.AddDays(1), Mon.AddDays(2)]);

        Assert.Equal([150_000m, 150_000m, 151_500m], result.Days.Select(d => d.Value));
        Assert.Equal([0m, 0m, 1_500m], result.Days.Select(d => d.Change));
        Assert.Equal(0.01m, result.Days[2].Return);
        Assert.Equal([new Contribution("0005.HK", -1_000m), new Contribution("0700.HK", 1_000m)], result.Days[1].TopContributors); // equal moves: by symbol
        Assert.Equal(0.01m, result.TotalReturn);
        Assert.Equal(0m, result.MaxDrawdown);
    }

    [Fact]
    public void AMissingBar_CarriesTheLastCloseForward_InsteadOfLookingLikeALoss()
    {
        var closes = Closes(("0700.HK", [500m, 0m, 520m]));
        closes["0700.HK"].Remove(Mon.AddDays(1));

        var result = ValueAnalysis.Compute([new Holding("0700.HK", 10)], closes, [Mon, Mon.AddDays(1), Mon.AddDays(2)]);

        Assert.Equal([5_000m, 5_000m, 5_200m], result.Days.Select(d => d.Value));
    }

    [Fact]
    public void MaxDrawdown_IsTheDeepestFallFromARunningPeak() =>
        Assert.Equal(0.25m, ValueAnalysis.MaxDrawdown([100m, 120m, 90m, 110m, 95m]));

    [Fact]
    public void Volatility_IsTheSampleDeviationOfDailyReturns_TimesRoot252()
    {
        // mean 0.01/3; deviations 0.02/3, −0.04/3, 0.02/3; sample variance = their squares' sum / 2
        var variance = (2 * Math.Pow(0.02 / 3, 2) + Math.Pow(0.04 / 3, 2)) / 2;

        Assert.Equal((decimal)(Math.Sqrt(variance) * Math.Sqrt(252)), ValueAnalysis.AnnualisedVolatility([0.01, -0.01, 0.01]), 12);
    }

    [Fact]
    public void ASymbolWithoutAPriceByTheFirstDay_IsLeftOutAndNamed()
    {
        var closes = Closes(("0700.HK", [500m, 510m]));
        closes["9988.HK"] = new SortedList<DateOnly, decimal> { [Mon.AddDays(1)] = 100m };

        var result = ValueAnalysis.Compute([new Holding("0700.HK", 1), new Holding("9988.HK", 1)], closes, [Mon, Mon.AddDays(1)]);

        Assert.Equal(["9988.HK"], result.Unpriced);
        Assert.Equal(510m, result.EndValue);
    }

    [Fact]
    public void NoPricedPosition_IsAUsageError() =>
        Assert.Equal("NoPrices", Assert.Throws<HksException>(() => ValueAnalysis.Compute([new Holding("0700.HK", 1)], Closes(), [Mon])).Name);

    [Theory]
    [InlineData("2025-01-01", "2026-07-01", true)]
    [InlineData("2025-01-01", "2026-07-02", false)]
    [InlineData("2025-01-02", "2025-01-01", false)]
    public void APeriod_IsAtMost18Months(string from, string to, bool allowed)
    {
        var check = () => AnalysisPeriod.Require(DateOnly.Parse(from), DateOnly.Parse(to), ValueAnalysis.MaxMonths);

        if (allowed)
        {
            check();
        }
        else
        {
            Assert.Equal(ExitCode.Usage, Assert.Throws<HksException>(check).ExitCode);
        }
    }

    private static Dictionary<string, SortedList<DateOnly, decimal>> Closes(params (string Symbol, decimal[] Closes)[] series) =>
        series.ToDictionary(s => s.Symbol, s => new SortedList<DateOnly, decimal>(s.Closes.Select((c, i) => (Mon.AddDays(i), c)).ToDictionary(x => x.Item1, x => x.c)));
}
