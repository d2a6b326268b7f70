using HkStrategy.Core.Failures;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Signals;

namespace HkStrategy.Core.Tests.Signals;

/// <summary>The prototype's per-stock overlays as rules of a position: buy gates, trim minimum and stops.</summary>
public sealed class PositionRailsTests
{
    private static readonly SignalEvaluator Rules = new(SignalParameters.Default);

    private static SignalBars Reversal() => SignalBars.Sideways().Then(open: 99.6, high: 101.1, low: 99.5, close: 101.0, volume: 1450);

    private static SignalBars Breakout() => SignalBars.Uptrend().Then(open: 110.5, high: 113.2, low: 110.0, close: 113.0, volume: 3000);

    /// <summary>The same breakout pulling back from a higher high: an overbought-reversal sell where a target allows it.</summary>
    private static SignalBars PullingBack() => SignalBars.Uptrend().Then(open: 110.5, high: 114.5, low: 110.0, close: 113.0, volume: 3000);

    [Fact]
    public void InAddZone_OutsideTheZone_TurnsTheReversalBuyIntoAHold_Saying_Why()
    {
        var rails = new PositionRails(AddZoneLow: 112m, AddZoneHigh: 115m, BuyOnly: BuyGates.InAddZone);

        var signal = Reversal().Evaluate(Rules, new SignalContext(rails, null));

        Assert.Equal("HMOM5", signal.Code.ToString());
        Assert.Contains("BRSV7: not in-add-zone: close 101 inside the add zone 112–115", signal.Evidence.Reasons("HMOM5"));
    }

    [Fact]
    public void InAddZone_InsideTheZone_LetsTheReversalBuyThrough()
    {
        var rails = new PositionRails(AddZoneLow: 100m, AddZoneHigh: 102m, BuyOnly: BuyGates.InAddZone);

        var signal = Reversal().Evaluate(Rules, new SignalContext(rails, null));

        Assert.Equal("BRSV7", signal.Code.ToString());
        Assert.Contains("in-add-zone: close 101 inside the add zone 100–102", signal.Evidence.Reasons("BRSV7"));
    }

    [Fact]
    public void InAddZone_LeavesBreakoutsAlone_AsThePrototypeDid()
    {
        var rails = new PositionRails(AddZoneLow: 50m, AddZoneHigh: 60m, BuyOnly: BuyGates.InAddZone);

        Assert.Equal("BBRK9", Breakout().Evaluate(Rules, new SignalContext(rails, null)).Code.ToString());
    }

    [Fact]
    public void InAddZone_WithoutAZone_NeverLetsAReversalBuyThrough()
    {
        var signal = Reversal().Evaluate(Rules, new SignalContext(new PositionRails(BuyOnly: BuyGates.InAddZone), null));

        Assert.Equal("HMOM5", signal.Code.ToString());
        Assert.Contains("BRSV7: not in-add-zone: an add zone is set", signal.Evidence.Reasons("HMOM5"));
    }

    [Fact]
    public void AboveEma20_IsCheckedOnBothBuys()
    {
        var rails = new PositionRails(BuyOnly: BuyGates.AboveEma20);

        var breakout = Breakout().Evaluate(Rules, new SignalContext(rails, null));
        var reversal = Reversal().Evaluate(Rules, new SignalContext(rails, null));

        Assert.Equal("BBRK9", breakout.Code.ToString());
        Assert.Contains(breakout.Evidence.Reasons("BBRK9"), r => r.StartsWith("above-ema20: close 113 ≥ EMA20 ", StringComparison.Ordinal));
        Assert.Equal("BRSV7", reversal.Code.ToString());
        Assert.Contains(reversal.Evidence.Reasons("BRSV7"), r => r.StartsWith("above-ema20: close 101 ≥ EMA20 ", StringComparison.Ordinal));
    }

    [Fact]
    public void NearEmaCluster_ComparesTheCloseWithTheBandAroundBothAverages()
    {
        var bars = Reversal();
        var series = bars.Build();
        var x = IndicatorCalculator.Compute(series.High, series.Low, series.Close, series.Volume);
        var (ema20, ema50, close) = (x.Ema20[^1], x.Ema50[^1], series.Close[^1]);
        var rails = new PositionRails(BuyOnly: BuyGates.NearEmaCluster);
        // The band that just includes today's close, and one just short of it.
        var needed = close / Math.Max(ema20, ema50) - 1;

        var wide = bars.Evaluate(new SignalEvaluator(SignalParameters.Default with { EmaClusterBand = needed + 0.0001 }), new SignalContext(rails, null));
        var narrow = bars.Evaluate(new SignalEvaluator(SignalParameters.Default with { EmaClusterBand = needed - 0.0001 }), new SignalContext(rails, null));

        Assert.True(close > Math.Max(ema20, ema50), "the reversal closes above both averages");
        Assert.Equal("BRSV7", wide.Code.ToString());
        Assert.Equal("HMOM5", narrow.Code.ToString());
        Assert.Contains(narrow.Evidence.Reasons("HMOM5"), r => r.StartsWith("BRSV7: not near-ema-cluster: close 101 within ", StringComparison.Ordinal));
    }

    [Fact]
    public void TrimMinimum_AboveTheClose_KeepsTheOverboughtSellAway()
    {
        var rails = new PositionRails(TargetSell: 112m, TrimMin: 114m);

        var signal = PullingBack().Evaluate(Rules, new SignalContext(rails, null));

        Assert.Equal("BBRK9", signal.Code.ToString());
        Assert.Contains(signal.Evidence.Strategies.Single(s => s.Code == "SOVB1").Checks, c => c is { Condition: "trim only at or above 114: close 113", Held: false });
    }

    [Fact]
    public void TrimMinimum_WithoutATarget_IsTheTarget_AsThePrototypeDid()
    {
        var signal = PullingBack().Evaluate(Rules, new SignalContext(new PositionRails(TrimMin: 112m), null));

        Assert.Equal("SOVB1", signal.Code.ToString());
        Assert.Contains("close 113 ≥ trim minimum 112 (the target when none is set)", signal.Evidence.Reasons("SOVB1"));
    }

    [Fact]
    public void Stops_ChangeNoSignal_ButABrokenOneIsAReason()
    {
        var rails = new PositionRails(StopLoss: 90m, TacticalStop: 115m);

        var signal = Breakout().Evaluate(Rules, new SignalContext(rails, null));

        Assert.Equal("BBRK9", signal.Code.ToString());
        Assert.Equal([true, false], signal.Evidence.Stops.Select(s => s.Held));
        Assert.Equal("stop broken: not close 113 ≥ tactical stop 115", signal.Evidence.Reasons("BBRK9")[^1]);
    }

    [Theory]
    [InlineData(BuyGates.None, "target, trim, zone")]
    [InlineData(BuyGates.InAddZone, "target, trim, zone")]
    [InlineData(BuyGates.AboveEma20, "target, trim, zone")]
    [InlineData(BuyGates.NearEmaCluster, "target, trim, zone")]
    [InlineData(BuyGates.InAddZone | BuyGates.AboveEma20 | BuyGates.NearEmaCluster, "target, trim, zone")]
    [InlineData(BuyGates.InAddZone, "trim only")]
    [InlineData(BuyGates.InAddZone | BuyGates.NearEmaCluster, "nothing")]
    public void FiredAndFireAll_AgreeWithTheEvidence_OnEveryBar_WithEveryGateAndSomeVetoes(BuyGates gates, string levels)
    {
        var bars = Indicators.IndicatorCalculatorTests.ReadBars();
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        var middle = (decimal)bars.Close[bars.Count / 2];
        var rails = levels switch
        {
            "target, trim, zone" => new PositionRails(TargetSell: middle, TrimMin: middle * 1.02m, AddZoneLow: middle * 0.9m, AddZoneHigh: middle * 1.1m, BuyOnly: gates),
            "trim only" => new PositionRails(TrimMin: middle, BuyOnly: gates), // the trim minimum is the target; the zone gate has no zone
            _ => new PositionRails(BuyOnly: gates),
        };
        var strategies = new[] { FiredStrategies.Breakdown, FiredStrategies.OverboughtReversal, FiredStrategies.Breakout, FiredStrategies.OversoldReversal };

        var vetoed = Enumerable.Range(0, bars.Count).Select(i => i % 7 == 0).ToArray();
        var all = new FiredStrategies[bars.Count];
        Rules.FireAll(bars, x, rails, vetoed, all);

        for (var i = IndicatorCalculator.FirstCompleteIndex; i < bars.Count; i++)
        {
            var fired = Rules.Fired(bars, x, i, rails, vetoed[i]);
            var decision = Rules.Evaluate(bars, x, i, new SignalContext(rails, vetoed[i] ? "results" : null))!;
            Assert.Equal(strategies.Select(s => fired.HasFlag(s)), decision.Evidence.Strategies.Select(s => s.Fired));
            Assert.Equal(fired, all[i]);
        }
        Assert.All(all[..IndicatorCalculator.FirstCompleteIndex], f => Assert.Equal(FiredStrategies.None, f));
        if (gates == BuyGates.None)
        {
            Assert.Contains(all, f => (f & (FiredStrategies.Breakout | FiredStrategies.OversoldReversal)) != 0); // the fixture has buys to gate
        }
    }

    [Fact]
    public void GateNames_RoundTrip_AndAnUnknownOneIsRefusedByName()
    {
        var all = BuyGateNames.Parse("--buy-only", ["in-add-zone", "above-ema20", "near-ema-cluster"]);

        Assert.Equal(["in-add-zone", "above-ema20", "near-ema-cluster"], BuyGateNames.Names(all));
        var error = Assert.Throws<HksException>(() => BuyGateNames.Parse("--buy-only", ["below-ema20\u001b[2J"]));
        Assert.Equal("--buy-only takes in-add-zone, above-ema20, near-ema-cluster, not 'below-ema20\\u001B[2J'", error.Message);
    }
}
