using HkStrategy.Core.Calendar;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;
using HkStrategy.Core.Signals;

namespace HkStrategy.Core.Tests.Signals;

public sealed class SignalEvaluatorTests
{
    private static readonly SignalEvaluator Rules = new(SignalParameters.Default);

    [Fact]
    public void BreakoutOnHeavyVolume_InAnUptrend_IsBBRK9()
    {
        var bars = Uptrend().Then(open: 110.5, high: 113.2, low: 110.0, close: 113.0, volume: 3000);

        var signal = Evaluate(bars, new SignalContext(null, null));

        Assert.Equal("BBRK9", signal.Code.ToString());
        Assert.All(signal.Evidence.Strategies.Single(s => s.Code == "BBRK9").Checks, c => Assert.True(c.Held, c.Condition));
        Assert.Contains(signal.Evidence.Reasons("BBRK9"), r => r.StartsWith("close 113 > 20-day high", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameBreakout_TwoTradingDaysBeforeResults_IsVetoed_AndHolds()
    {
        var bars = Uptrend().Then(open: 110.5, high: 113.2, low: 110.0, close: 113.0, volume: 3000);
        var day = bars.Build().Dates[^1];
        var veto = EventVeto.For(day, [new SymbolEvent(TradingCalendar.Hkex.After(TradingCalendar.Hkex.After(day)), "annual results")], TradingCalendar.Hkex, 2);

        var signal = Evaluate(bars, new SignalContext(null, veto));

        Assert.Equal("HMOM5", signal.Code.ToString());
        Assert.Contains(signal.Evidence.Reasons("HMOM5"), r => r.Contains("annual results", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEventThreeTradingDaysAway_DoesNotVeto()
    {
        var day = new DateOnly(2026, 11, 23);
        var third = TradingCalendar.Hkex.After(TradingCalendar.Hkex.After(TradingCalendar.Hkex.After(day)));

        Assert.Null(EventVeto.For(day, [new SymbolEvent(third, "results")], TradingCalendar.Hkex, 2));
        Assert.NotNull(EventVeto.For(day, [new SymbolEvent(day, "results")], TradingCalendar.Hkex, 2));
    }

    [Fact]
    public void AtTheTargetWithAPullbackFromTheHigh_IsSOVB1_AheadOfTheBreakout()
    {
        var bars = Uptrend().Then(open: 110.5, high: 114.5, low: 110.0, close: 113.0, volume: 3000);

        var signal = Evaluate(bars, new SignalContext(112.000m, null));

        Assert.Equal("SOVB1", signal.Code.ToString());
        Assert.True(signal.Evidence.Strategies.Single(s => s.Code == "BBRK9").Fired);
    }

    [Fact]
    public void WithoutATargetSell_OverboughtReversalNeverFires()
    {
        var bars = Uptrend().Then(open: 110.5, high: 114.5, low: 110.0, close: 113.0, volume: 3000);

        var signal = Evaluate(bars, new SignalContext(null, null));

        Assert.False(signal.Evidence.Strategies.Single(s => s.Code == "SOVB1").Fired);
        Assert.Equal("BBRK9", signal.Code.ToString());
    }

    [Fact]
    public void ABreakdownOnHeavyVolume_InADowntrend_IsSBRK3()
    {
        var bars = Downtrend().Then(open: 100.0, high: 100.2, low: 94.5, close: 95.0, volume: 3000);

        Assert.Equal("SBRK3", Evaluate(bars, new SignalContext(null, null)).Code.ToString());
    }

    [Fact]
    public void RsiTurningUpOutOfOversold_NearTheHigh_IsBRSV7()
    {
        var bars = Sideways().Then(open: 99.6, high: 101.1, low: 99.5, close: 101.0, volume: 1450);

        var signal = Evaluate(bars, new SignalContext(null, null));

        Assert.Equal("BRSV7", signal.Code.ToString());
        Assert.False(signal.Evidence.Strategies.Single(s => s.Code == "BBRK9").Fired);
    }

    [Fact]
    public void AQuietDay_Holds()
    {
        var bars = Uptrend().Then(open: 110.2, high: 110.9, low: 109.9, close: 110.4, volume: 1000);

        Assert.Equal("HMOM5", Evaluate(bars, new SignalContext(null, null)).Code.ToString());
    }

    [Fact]
    public void TooFewBars_GiveNoSignal()
    {
        var bars = new Builder().Steady(30, 100, 0.1);
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);

        Assert.Null(Rules.Evaluate(bars.Build(), x, bars.Count - 1, new SignalContext(null, null)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("90", false)]
    [InlineData(null, true)]
    public void Fired_AgreesWithTheEvidence_OnEveryBar(string? target, bool vetoed)
    {
        var bars = HkStrategy.Core.Tests.Indicators.IndicatorCalculatorTests.ReadBars();
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        var targetSell = target is null ? (decimal?)null : decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture);
        var strategies = new[] { FiredStrategies.Breakdown, FiredStrategies.OverboughtReversal, FiredStrategies.Breakout, FiredStrategies.OversoldReversal };
        var seen = FiredStrategies.None;

        for (var i = IndicatorCalculator.FirstCompleteIndex; i < bars.Count; i++)
        {
            var fired = Rules.Fired(bars, x, i, targetSell, vetoed);
            var decision = Rules.Evaluate(bars, x, i, new SignalContext(targetSell, vetoed ? "results" : null))!;
            Assert.Equal(decision.Strategy, SignalEvaluator.Choose(fired));
            Assert.Equal(strategies.Select(s => fired.HasFlag(s)), decision.Evidence.Strategies.Select(s => s.Fired));
            seen |= fired;
        }
        Assert.NotEqual(FiredStrategies.None, seen); // the fixture makes some rules fire
    }

    private static SignalDecision Evaluate(Builder builder, SignalContext context)
    {
        var bars = builder.Build();
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        return Rules.Evaluate(bars, x, bars.Count - 1, context)!;
    }

    private static Builder Uptrend() => new Builder().Steady(59, 100, 10.0 / 59);

    private static Builder Downtrend() => new Builder().Steady(59, 110, -10.0 / 59);

    /// <summary>Fifty quiet bars around 100, then eight small losses that take RSI below 30.</summary>
    private static Builder Sideways()
    {
        var builder = new Builder();
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

    private sealed class Builder
    {
        private readonly List<(double Open, double High, double Low, double Close, double Volume)> _bars = [];

        public int Count => _bars.Count;

        public double[] High => _bars.Select(b => b.High).ToArray();

        public double[] Low => _bars.Select(b => b.Low).ToArray();

        public double[] Close => _bars.Select(b => b.Close).ToArray();

        public double[] Volume => _bars.Select(b => b.Volume).ToArray();

        public Builder Steady(int count, double start, double step)
        {
            for (var i = 0; i < count; i++)
            {
                var close = start + step * i;
                Then(close - 0.1, close + 0.5, close - 0.5, close, 1000);
            }
            return this;
        }

        public Builder Then(double open, double high, double low, double close, double volume)
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
}
