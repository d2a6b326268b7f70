using HkStrategy.Core.Analysis;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Prices;
using HkStrategy.Core.Signals;

namespace HkStrategy.Core.Tests.Analysis;

public sealed class StrategyBacktestTests
{
    private static readonly StrategyBacktest Backtest = new(SignalParameters.Default, TradingCalendar.Hkex);

    [Fact]
    public void Hold_BuysOnTheFirstDay_AndEarnsThePriceReturnLessFees()
    {
        var bars = Series(Enumerable.Range(0, 120).Select(i => 100.0 + i * 0.5).ToArray());
        var from = bars.Dates[60];

        var result = Backtest.Run(bars, StrategyCatalog.Momentum, from, bars.Dates[^1], [], feeBasisPoints: 10);

        Assert.Equal(bars.Close[^1] / bars.Close[60] * (1 - 0.001) - 1, result.TotalReturn, 9);
        Assert.Equal("BUY", result.Signals[0].Action);
        Assert.Equal(from, result.Signals[0].Day);
        Assert.True(Assert.Single(result.Trades).Open);
        Assert.Equal(1.0, result.WinRate);
        Assert.Equal(0, result.MaxDrawdown, 9);
    }

    [Fact]
    public void ABuyStrategyThatNeverFires_StaysInCash()
    {
        var bars = Series(Enumerable.Range(0, 120).Select(i => 100.0).ToArray());

        var result = Backtest.Run(bars, StrategyCatalog.Breakout, bars.Dates[60], bars.Dates[^1], [], 0);

        Assert.Empty(result.Trades);
        Assert.Equal(0, result.TotalReturn);
        Assert.Null(result.WinRate);
        Assert.All(result.Equity, e => Assert.Equal(1.0, e.Equity));
    }

    [Fact]
    public void DrawdownAndVolatility_FollowTheEquityCurve()
    {
        var closes = Enumerable.Range(0, 120).Select(i => i < 90 ? 100.0 + i : 189.0 - (i - 89) * 2).ToArray();
        var bars = Series(closes);

        var result = Backtest.Run(bars, StrategyCatalog.Momentum, bars.Dates[60], bars.Dates[^1], [], 0);

        var peak = closes[89];
        Assert.Equal((peak - closes[^1]) / peak, result.MaxDrawdown, 9);
        Assert.True(result.Volatility > 0);
        Assert.True(result.Sortino < 0 == result.TotalReturn < 0 || result.Sortino == 0);
    }

    private static BarSeries Series(double[] closes)
    {
        var dates = TradingCalendar.Hkex.Ending(new DateOnly(2026, 11, 20), closes.Length).ToArray();
        return new BarSeries("0700.HK", dates, closes, closes.Select(c => c + 0.5).ToArray(), closes.Select(c => c - 0.5).ToArray(), closes,
            closes.Select(_ => 1000.0).ToArray());
    }
}
