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
        var bars = SignalBars.Uptrend().Then(open: 110.5, high: 113.2, low: 110.0, close: 113.0, volume: 3000);

        var signal = Evaluate(bars, SignalContext.Plain);

        Assert.Equal("BBRK9", signal.Code.ToString());
        Assert.All(signal.Evidence.Strategies.Single(s => s.Code == "BBRK9").Checks, c => Assert.True(c.Held, c.Condition));
        Assert.Contains(signal.Evidence.Reasons("BBRK9"), r => r.StartsWith("close 113 > 20-day high", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameBreakout_TwoTradingDaysBeforeResults_IsVetoed_AndHolds()
    {
        var bars = SignalBars.Uptrend().Then(open: 110.5, high: 113.2, low: 110.0, close: 113.0, volume: 3000);
        var day = bars.Build().Dates[^1];
        var veto = EventVeto.For(day, [new SymbolEvent(TradingCalendar.Hkex.After(TradingCalendar.Hkex.After(day)), "annual results")], TradingCalendar.Hkex, 2);

        var signal = Evaluate(bars, new SignalContext(PositionRails.None, veto));

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
        var bars = SignalBars.Uptrend().Then(open: 110.5, high: 114.5, low: 110.0, close: 113.0, volume: 3000);

        var signal = Evaluate(bars, new SignalContext(new PositionRails(TargetSell: 112.000m), null));

        Assert.Equal("SOVB1", signal.Code.ToString());
        Assert.True(signal.Evidence.Strategies.Single(s => s.Code == "BBRK9").Fired);
    }

    [Fact]
    public void WithoutATargetSell_OverboughtReversalNeverFires()
    {
        var bars = SignalBars.Uptrend().Then(open: 110.5, high: 114.5, low: 110.0, close: 113.0, volume: 3000);

        var signal = Evaluate(bars, SignalContext.Plain);

        Assert.False(signal.Evidence.Strategies.Single(s => s.Code == "SOVB1").Fired);
        Assert.Equal("BBRK9", signal.Code.ToString());
    }

    [Fact]
    public void ABreakdownOnHeavyVolume_InADowntrend_IsSBRK3()
    {
        var bars = SignalBars.Downtrend().Then(open: 100.0, high: 100.2, low: 94.5, close: 95.0, volume: 3000);

        Assert.Equal("SBRK3", Evaluate(bars, SignalContext.Plain).Code.ToString());
    }

    [Fact]
    public void RsiTurningUpOutOfOversold_NearTheHigh_IsBRSV7()
    {
        var bars = SignalBars.Sideways().Then(open: 99.6, high: 101.1, low: 99.5, close: 101.0, volume: 1450);

        var signal = Evaluate(bars, SignalContext.Plain);

        Assert.Equal("BRSV7", signal.Code.ToString());
        Assert.False(signal.Evidence.Strategies.Single(s => s.Code == "BBRK9").Fired);
    }

    [Fact]
    public void AQuietDay_Holds()
    {
        var bars = SignalBars.Uptrend().Then(open: 110.2, high: 110.9, low: 109.9, close: 110.4, volume: 1000);

        Assert.Equal("HMOM5", Evaluate(bars, SignalContext.Plain).Code.ToString());
    }

    [Fact]
    public void TooFewBars_GiveNoSignal()
    {
        var bars = new SignalBars().Steady(30, 100, 0.1);
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);

        Assert.Null(Rules.Evaluate(bars.Build(), x, bars.Count - 1, SignalContext.Plain));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("90", false)]
    [InlineData(null, true)]
    public void Fired_AgreesWithTheEvidence_OnEveryBar(string? target, bool vetoed)
    {
        var bars = HkStrategy.Core.Tests.Indicators.IndicatorCalculatorTests.ReadBars();
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        var rails = new PositionRails(TargetSell: target is null ? null : decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture));
        var strategies = new[] { FiredStrategies.Breakdown, FiredStrategies.OverboughtReversal, FiredStrategies.Breakout, FiredStrategies.OversoldReversal };
        var seen = FiredStrategies.None;

        for (var i = IndicatorCalculator.FirstCompleteIndex; i < bars.Count; i++)
        {
            var fired = Rules.Fired(bars, x, i, rails, vetoed);
            var decision = Rules.Evaluate(bars, x, i, new SignalContext(rails, vetoed ? "results" : null))!;
            Assert.Equal(decision.Strategy, SignalEvaluator.Choose(fired));
            Assert.Equal(strategies.Select(s => fired.HasFlag(s)), decision.Evidence.Strategies.Select(s => s.Fired));
            seen |= fired;
        }
        Assert.NotEqual(FiredStrategies.None, seen); // the fixture makes some rules fire
    }

    private static SignalDecision Evaluate(SignalBars builder, SignalContext context) => builder.Evaluate(Rules, context);
}
