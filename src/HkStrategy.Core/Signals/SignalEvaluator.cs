using System.Globalization;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;

namespace HkStrategy.Core.Signals;

/// <summary>What the rules know of the position besides its bars: its rails (levels and buy gates) and vetoing events.</summary>
public sealed record SignalContext(PositionRails Rails, string? Veto)
{
    public static SignalContext Plain { get; } = new(PositionRails.None, null);
}

/// <summary>Which strategies' conditions all hold on a day.</summary>
[Flags]
public enum FiredStrategies
{
    None = 0,
    Breakdown = 1,
    OverboughtReversal = 2,
    Breakout = 4,
    OversoldReversal = 8,
}

/// <summary>
/// The TXYZN rules. Every strategy's conditions are checked (so the evidence shows all of them), the position's buy
/// gates and trim minimum among them; the first strategy in priority order (SBRK, SOVB, BBRK, BRSV) whose conditions all
/// hold gives the signal, else HMOM5. Stops change no signal: the evidence reports a close below them. <see cref="Fired"/>
/// answers with the same conditions and no words, for scans over many bars.
/// </summary>
public sealed class SignalEvaluator(SignalParameters parameters)
{
    public SignalDecision? Evaluate(BarSeries bars, IndicatorSeries indicators, int i, SignalContext context)
    {
        if (!Evaluable(bars, i))
        {
            return null; // not enough history for every indicator the rules read
        }
        var day = new Day(bars, indicators, i);
        var rails = context.Rails;
        var checks = new[]
        {
            Check(StrategyCatalog.Breakdown, Breakdown(day)),
            Check(StrategyCatalog.OverboughtReversal, [.. OverboughtReversal(day, rails), .. TrimMinimum(day, rails)]),
            Check(StrategyCatalog.Breakout, [.. Breakout(day), .. Gates(day, rails, FiredStrategies.Breakout), NoVeto(context.Veto)]),
            Check(StrategyCatalog.OversoldReversal, [.. OversoldReversal(day), .. Gates(day, rails, FiredStrategies.OversoldReversal), NoVeto(context.Veto)]),
        };
        var chosen = StrategyCatalog.All.FirstOrDefault(s => checks.Any(c => c.Fired && c.Code == s.Code.ToString())) ?? StrategyCatalog.Momentum;
        return new SignalDecision(bars.Dates[i], chosen.Code, chosen, day.Close, new SignalEvidence(day.Values(), checks, context.Veto) { Stops = Stops(day, rails) });
    }

    /// <summary>The strategies whose conditions all hold on bar <paramref name="i"/>, computed without evidence.</summary>
    public FiredStrategies Fired(BarSeries bars, IndicatorSeries indicators, int i, PositionRails rails, bool vetoed)
    {
        if (!Evaluable(bars, i))
        {
            return FiredStrategies.None;
        }
        var d = new Day(bars, indicators, i);
        var fired = FiredStrategies.None;
        if (BreakdownBelow(d) && MacdFalling(d) && d.Rsi <= parameters.BreakdownRsiMax && VolumeAtLeast(d, parameters.BreakdownVolumeMultiple))
        {
            fired |= FiredStrategies.Breakdown;
        }
        if (AtTarget(d, rails.SellTarget) && AtOrAbove(d, rails.TrimMin) && d.Rsi >= parameters.OverboughtRsiMin && PulledBackOrEngulfed(d)
            && VolumeAtLeast(d, parameters.OverboughtVolumeMultiple))
        {
            fired |= FiredStrategies.OverboughtReversal;
        }
        if (!vetoed && d.Ema5 > d.Ema20 && d.Close > BreakoutLevel(d) && MomentumConfirmed(d) && VolumeAtLeast(d, parameters.BreakoutVolumeMultiple)
            && (rails.BuyOnly == BuyGates.None || GatesHold(d, rails, FiredStrategies.Breakout)))
        {
            fired |= FiredStrategies.Breakout;
        }
        if (!vetoed && RsiTurnedUp(d) && AboveAverages(d) && NearTheHigh(d) && VolumeAtLeast(d, parameters.ReversalVolumeMultiple)
            && (rails.BuyOnly == BuyGates.None || GatesHold(d, rails, FiredStrategies.OversoldReversal)))
        {
            fired |= FiredStrategies.OversoldReversal;
        }
        return fired;
    }

    /// <summary>The signal <see cref="Fired"/> gives: the first in priority order, else hold.</summary>
    public static CatalogStrategy Choose(FiredStrategies fired) =>
        fired.HasFlag(FiredStrategies.Breakdown) ? StrategyCatalog.Breakdown
        : fired.HasFlag(FiredStrategies.OverboughtReversal) ? StrategyCatalog.OverboughtReversal
        : fired.HasFlag(FiredStrategies.Breakout) ? StrategyCatalog.Breakout
        : fired.HasFlag(FiredStrategies.OversoldReversal) ? StrategyCatalog.OversoldReversal
        : StrategyCatalog.Momentum;

    private static bool Evaluable(BarSeries bars, int i) => i >= IndicatorCalculator.FirstCompleteIndex && i < bars.Count;

    // The conditions, each once: Fired reads them as booleans, the evidence below in words.
    private double BreakoutLevel(in Day d) => d.High20 + parameters.BreakoutAtrMultiple * d.Atr;

    private bool MomentumConfirmed(in Day d) => d.Rsi >= parameters.BreakoutRsiMin || (d.Macd > 0 && d.Macd > d.PreviousMacd);

    private bool RsiTurnedUp(in Day d) => d.PreviousRsi <= parameters.ReversalRsiFrom && d.Rsi >= parameters.ReversalRsiTo;

    private static bool AboveAverages(in Day d) => d.Close >= d.Ema20 && d.Close >= d.Ema5;

    private static double PlaceInRange(in Day d) => d.High > d.Low ? (d.Close - d.Low) / (d.High - d.Low) : 0;

    private bool NearTheHigh(in Day d) => d.High > d.Low && PlaceInRange(d) >= parameters.ReversalCloseInRange;

    private double BreakdownLevel(in Day d) => d.Ema50 - parameters.BreakdownAtrMultiple * d.Atr;

    private bool BreakdownBelow(in Day d) => d.Close < BreakdownLevel(d);

    private static bool MacdFalling(in Day d) => d.Macd < 0 && d.Macd < d.PreviousMacd;

    private static bool AtTarget(in Day d, decimal? targetSell) => targetSell is { } t && d.Close >= (double)t;

    /// <summary>At or above a level that may not be set (then it holds).</summary>
    private static bool AtOrAbove(in Day d, decimal? level) => level is not { } l || d.Close >= (double)l;

    private static bool InAddZone(in Day d, PositionRails rails) =>
        rails is { AddZoneLow: { } low, AddZoneHigh: { } high } && d.Close >= (double)low && d.Close <= (double)high;

    private (double Low, double High) EmaCluster(in Day d) =>
        (Math.Min(d.Ema20, d.Ema50) * (1 - parameters.EmaClusterBand), Math.Max(d.Ema20, d.Ema50) * (1 + parameters.EmaClusterBand));

    private bool NearEmaCluster(in Day d)
    {
        var (low, high) = EmaCluster(d);
        return d.Close >= low && d.Close <= high;
    }

    /// <summary>Whether the position's gates that apply to <paramref name="buy"/> let it through.</summary>
    private bool GatesHold(in Day d, PositionRails rails, FiredStrategies buy) =>
        (!Gated(rails, BuyGates.InAddZone, buy) || InAddZone(d, rails))
        && (!Gated(rails, BuyGates.AboveEma20, buy) || d.Close >= d.Ema20)
        && (!Gated(rails, BuyGates.NearEmaCluster, buy) || NearEmaCluster(d));

    /// <summary>The gates as the prototype applied them: the add zone and the EMA cluster to reversal buys only.</summary>
    private static bool Gated(PositionRails rails, BuyGates gate, FiredStrategies buy) =>
        rails.BuyOnly.HasFlag(gate) && (gate == BuyGates.AboveEma20 || buy == FiredStrategies.OversoldReversal);

    private static bool Engulfed(in Day d) =>
        d.PreviousClose > d.PreviousOpen && d.Close < d.Open && d.Open >= d.PreviousClose && d.Close <= d.PreviousOpen;

    private bool PulledBackOrEngulfed(in Day d) => d.High - d.Close >= parameters.OverboughtPullbackAtrMultiple * d.Atr || Engulfed(d);

    private static bool VolumeAtLeast(in Day d, double multiple) => d.Volume >= multiple * d.VolumeAverage;

    private static StrategyCheck Check(CatalogStrategy strategy, RuleCheck[] checks) =>
        new(strategy.Code.ToString(), checks.All(c => c.Held), checks);

    private RuleCheck[] Breakout(Day d) =>
    [
        new($"EMA5 {F(d.Ema5)} > EMA20 {F(d.Ema20)}", d.Ema5 > d.Ema20),
        new($"close {F(d.Close)} > 20-day high {F(d.High20)} + {F(parameters.BreakoutAtrMultiple)} × ATR14 {F(d.Atr)} = {F(BreakoutLevel(d))}", d.Close > BreakoutLevel(d)),
        new($"RSI14 {F(d.Rsi)} ≥ {F(parameters.BreakoutRsiMin)} or MACD {F(d.Macd)} > 0 and rising from {F(d.PreviousMacd)}", MomentumConfirmed(d)),
        Volume(d, parameters.BreakoutVolumeMultiple),
    ];

    private RuleCheck[] OversoldReversal(Day d) =>
    [
        new($"RSI14 turned up from {F(d.PreviousRsi)} ≤ {F(parameters.ReversalRsiFrom)} to {F(d.Rsi)} ≥ {F(parameters.ReversalRsiTo)}", RsiTurnedUp(d)),
        new($"close {F(d.Close)} ≥ EMA20 {F(d.Ema20)} and ≥ EMA5 {F(d.Ema5)}", AboveAverages(d)),
        new($"close in the top {F((1 - parameters.ReversalCloseInRange) * 100)}% of the day's range ({F(PlaceInRange(d) * 100)}% up from the low)", NearTheHigh(d)),
        Volume(d, parameters.ReversalVolumeMultiple),
    ];

    private RuleCheck[] Breakdown(Day d) =>
    [
        new($"close {F(d.Close)} < EMA50 {F(d.Ema50)} − {F(parameters.BreakdownAtrMultiple)} × ATR14 {F(d.Atr)} = {F(BreakdownLevel(d))}", BreakdownBelow(d)),
        new($"MACD {F(d.Macd)} < 0 and falling from {F(d.PreviousMacd)}", MacdFalling(d)),
        new($"RSI14 {F(d.Rsi)} ≤ {F(parameters.BreakdownRsiMax)}", d.Rsi <= parameters.BreakdownRsiMax),
        Volume(d, parameters.BreakdownVolumeMultiple),
    ];

    private RuleCheck[] OverboughtReversal(Day d, PositionRails rails) =>
    [
        new(rails switch
        {
            { TargetSell: { } target } => $"close {F(d.Close)} ≥ target sell {F((double)target)}",
            { TrimMin: { } trim } => $"close {F(d.Close)} ≥ trim minimum {F((double)trim)} (the target when none is set)",
            _ => "a target sell price or a trim minimum is set",
        }, AtTarget(d, rails.SellTarget)),
        new($"RSI14 {F(d.Rsi)} ≥ {F(parameters.OverboughtRsiMin)}", d.Rsi >= parameters.OverboughtRsiMin),
        new($"pullback from the high {F(d.High - d.Close)} ≥ {F(parameters.OverboughtPullbackAtrMultiple)} × ATR14 {F(d.Atr)}, or a bearish engulfing day", PulledBackOrEngulfed(d)),
        Volume(d, parameters.OverboughtVolumeMultiple),
    ];

    /// <summary>The trim minimum as its own condition when a target sell is set too (else it is the target).</summary>
    private static RuleCheck[] TrimMinimum(Day d, PositionRails rails) =>
        rails is { TargetSell: not null, TrimMin: { } trim } ? [new($"trim only at or above {F((double)trim)}: close {F(d.Close)}", AtOrAbove(d, trim))] : [];

    private RuleCheck[] Gates(Day d, PositionRails rails, FiredStrategies buy)
    {
        var checks = new List<RuleCheck>();
        if (Gated(rails, BuyGates.InAddZone, buy))
        {
            checks.Add(rails is { AddZoneLow: { } low, AddZoneHigh: { } high }
                ? new($"{BuyGateNames.InAddZone}: close {F(d.Close)} inside the add zone {F((double)low)}–{F((double)high)}", InAddZone(d, rails))
                : new($"{BuyGateNames.InAddZone}: an add zone is set", false));
        }
        if (Gated(rails, BuyGates.AboveEma20, buy))
        {
            checks.Add(new($"{BuyGateNames.AboveEma20}: close {F(d.Close)} ≥ EMA20 {F(d.Ema20)}", d.Close >= d.Ema20));
        }
        if (Gated(rails, BuyGates.NearEmaCluster, buy))
        {
            var (low, high) = EmaCluster(d);
            checks.Add(new($"{BuyGateNames.NearEmaCluster}: close {F(d.Close)} within {F(parameters.EmaClusterBand * 100)}% of EMA20 {F(d.Ema20)} and EMA50 {F(d.Ema50)} ({F(low)}–{F(high)})",
                NearEmaCluster(d)));
        }
        return [.. checks];
    }

    /// <summary>The stops set, each with whether the close is still at or above it.</summary>
    private static RuleCheck[] Stops(Day d, PositionRails rails)
    {
        var stops = new List<RuleCheck>();
        if (rails.StopLoss is { } stop)
        {
            stops.Add(new($"close {F(d.Close)} ≥ stop loss {F((double)stop)}", d.Close >= (double)stop));
        }
        if (rails.TacticalStop is { } tactical)
        {
            stops.Add(new($"close {F(d.Close)} ≥ tactical stop {F((double)tactical)}", d.Close >= (double)tactical));
        }
        return [.. stops];
    }

    private static RuleCheck Volume(Day d, double multiple) =>
        new($"volume {F(d.Volume)} ≥ {F(multiple)} × 20-day average {F(d.VolumeAverage)}", VolumeAtLeast(d, multiple));

    private static RuleCheck NoVeto(string? veto) => new(veto is null ? "no event within two trading days" : $"no veto ({veto})", veto is null);

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The values of one day (and the day before) the rules read.</summary>
    private readonly struct Day(BarSeries bars, IndicatorSeries x, int i)
    {
        public double Open => bars.Open[i];
        public double High => bars.High[i];
        public double Low => bars.Low[i];
        public double Close => bars.Close[i];
        public double Volume => bars.Volume[i];
        public double PreviousOpen => bars.Open[i - 1];
        public double PreviousClose => bars.Close[i - 1];
        public double Ema5 => x.Ema5[i];
        public double Ema20 => x.Ema20[i];
        public double Ema50 => x.Ema50[i];
        public double Rsi => x.Rsi14[i];
        public double PreviousRsi => x.Rsi14[i - 1];
        public double Macd => x.Macd[i];
        public double PreviousMacd => x.Macd[i - 1];
        public double Atr => x.Atr14[i];
        public double High20 => x.High20[i];
        public double VolumeAverage => x.VolAvg20[i];

        public IReadOnlyDictionary<string, double?> Values()
        {
            var values = IndicatorRow.At(bars, x, i).AsDictionary();
            values["previousRsi14"] = PreviousRsi;
            values["previousMacd"] = PreviousMacd;
            return values;
        }
    }
}
