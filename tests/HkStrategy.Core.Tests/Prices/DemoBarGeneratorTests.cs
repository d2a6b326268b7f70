using HkStrategy.Core.Prices;

namespace HkStrategy.Core.Tests.Prices;

public sealed class DemoBarGeneratorTests
{
    private static readonly IReadOnlyList<DateOnly> Year = HkStrategy.Core.Calendar.TradingCalendar.Hkex.Ending(new DateOnly(2026, 11, 22), 250);

    [Fact]
    public void Bars_EndExactlyAtTheCurrentPrice_OnTheLastWeekday()
    {
        var bars = DemoBarGenerator.Generate("0700.HK", 320.5m, 599m, Year);

        Assert.Equal(250, bars.Count);
        Assert.Equal(599.000m, bars[^1].Close);
        Assert.Equal(new DateOnly(2026, 11, 20), bars[^1].TradeDate);
    }

    [Fact]
    public void Bars_AreTheSameEveryTime_AndDifferBySymbol()
    {
        var first = DemoBarGenerator.Generate("0005.HK", 38.5m, 100.1m, Year);

        Assert.Equal(first, DemoBarGenerator.Generate("0005.HK", 38.5m, 100.1m, Year));
        Assert.NotEqual(first.Select(b => b.Close), DemoBarGenerator.Generate("0939.HK", 38.5m, 100.1m, Year).Select(b => b.Close));
    }

    [Fact]
    public void EveryBar_IsAConsistentCandle()
    {
        foreach (var bar in DemoBarGenerator.Generate("1810.HK", 12.3m, 53.3m, Year))
        {
            Assert.True(bar.Low <= Math.Min(bar.Open, bar.Close) && Math.Max(bar.Open, bar.Close) <= bar.High, $"{bar}");
            Assert.True(bar.Low > 0 && bar.Volume > 0, $"{bar}");
            Assert.Equal(bar.Close, Math.Round(bar.Close, 3));
        }
    }

    [Fact]
    public void Weekdays_SkipSaturdaysAndSundays()
    {
        var days = HkStrategy.Core.Calendar.TradingCalendar.Hkex.Ending(new DateOnly(2026, 11, 23), 6);

        Assert.Equal([new(2026, 11, 16), new(2026, 11, 17), new(2026, 11, 18), new(2026, 11, 19), new(2026, 11, 20), new DateOnly(2026, 11, 23)], days);
    }
}
