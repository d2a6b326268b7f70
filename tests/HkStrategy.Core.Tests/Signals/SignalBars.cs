using HkStrategy.Core.Calendar;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;
using HkStrategy.Core.Signals;

namespace HkStrategy.Core.Tests.Signals;

/// <summary>Daily bars built bar by bar for the signal rules' tests, with the three market phases they start from.</summary>
internal sealed class SignalBars
{
    private readonly List<(double Open, double High, double Low, double Close, double Volume)> _bars = [];

    public int Count => _bars.Count;

    public double[] High => _bars.Select(b => b.High).ToArray();

    public double[] Low => _bars.Select(b => b.Low).ToArray();

    public double[] Close => _bars.Select(b => b.Close).ToArray();

    public double[] Volume => _bars.Select(b => b.Volume).ToArray();

    public static SignalBars Uptrend() => new SignalBars().Steady(59, 100, 10.0 / 59);

    public static SignalBars Downtrend() => new SignalBars().Steady(59, 110, -10.0 / 59);

    /// <summary>Fifty quiet bars around 100, then eight small losses that take RSI below 30.</summary>
    public static SignalBars Sideways()
    {
        var builder = new SignalBars();
        for (var i = 0; i < 50; i++)
        {
            var close = i % 2 == 0 ? 100.0 : 100.2;
            builder.Then(close, close + 0.1, close - 0.1, close, 1000);
        }
        for (var i = 1; i <= 8; i++)
        {
            var close = 100.0 - 0.3 * i;
            builder.Then(close + 0.05, close + 0.1, close - 0.1, close, 1000);
        }
        return builder;
    }

    /// <summary>The rules' decision on the newest bar.</summary>
    public SignalDecision Evaluate(SignalEvaluator rules, SignalContext context)
    {
        var bars = Build();
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        return rules.Evaluate(bars, x, bars.Count - 1, context)!;
    }

    public SignalBars Steady(int count, double start, double step)
    {
        for (var i = 0; i < count; i++)
        {
            var close = start + step * i;
            Then(close - 0.1, close + 0.5, close - 0.5, close, 1000);
        }
        return this;
    }

    public SignalBars Then(double open, double high, double low, double close, double volume)
    {
        _bars.Add((open, high, low, close, volume));
        return this;
    }

    public BarSeries Build()
    {
        var dates = TradingCalendar.Hkex.Ending(new DateOnly(2026, 11, 20), _bars.Count).ToArray();
        return new BarSeries("0700.HK", dates, _bars.Select(b => b.Open).ToArray(), High, Low, Close, Volume);
    }
}
