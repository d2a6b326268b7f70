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
        var day = Day.At(bars, indicators, i);
        var rails = context.Rails;
        var checks = new[]
        {
            Check(StrategyCatalog.Breakdown, Breakdown(day)),
            Check(StrategyCatalog.OverboughtReversal, [.. OverboughtReversal(day, rails), .. TrimMinimum(day, rails)]),
            Check(StrategyCatalog.Breakout, [.. Breakout(day), .. Gates(day, rails, FiredStrategies.Breakout), NoVeto(context.Veto)]),
            Check(StrategyCatalog.OversoldReversal, [.. OversoldReversal(day), .. Gates(day, rails, FiredStrategies.OversoldReversal), NoVeto(context.Veto)]),
        };
        var chosen = StrategyCatalog.All.FirstOrDefault(s => checks.Any(c => c.Fired && c.Code == s.Code.ToString())) ?? StrategyCatalog.Momentum;
        return new SignalDecision(bars.Dates[i], chosen.Code, chosen, day.Close, new SignalEvidence(day.Values(bars, indicators, i), checks, context.Veto) { Stops = Stops(day, rails) });
    }

    /// <summary>The strategies whose conditions all hold on bar <paramref name="i"/>, computed without evidence.</summary>
    public FiredStrategies Fired(BarSeries bars, IndicatorSeries indicators, int i, PositionRails rails, bool vetoed) =>
        Evaluable(bars, i) ? Fire(Day.At(bars, indicators, i), Levels.Of(rails), vetoed) : FiredStrategies.None;

    /// <summary>
    /// <see cref="Fired"/> for every bar at once (None where the history is too short), for scans over many bars: the
    /// series are read in one sweep. <paramref name="vetoes"/> holds a flag per bar, or nothing when no day is vetoed.
    /// </summary>
    public void FireAll(BarSeries bars, IndicatorSeries indicators, PositionRails rails, ReadOnlySpan<bool> vetoes, Span<FiredStrategies> output)
    {
        var n = bars.Count;
        if (indicators.Length != n || output.Length < n || (vetoes.Length != 0 && vetoes.Length != n))
        {
            throw new ArgumentException("the indicators, the vetoes (if any) and the output must have one value per bar");
        }
        output[..Math.Min(n, IndicatorCalculator.FirstCompleteIndex)].Clear();
        // Spans cut to the bars' length, so the loop's bounds checks can go; the day before's values are carried over.
        ReadOnlySpan<double> open = bars.Open.AsSpan(0, n), high = bars.High.AsSpan(0, n), low = bars.Low.AsSpan(0, n);
        ReadOnlySpan<double> close = bars.Close.AsSpan(0, n), volume = bars.Volume.AsSpan(0, n);
        ReadOnlySpan<double> ema5 = indicators.Ema5.AsSpan(0, n), ema20 = indicators.Ema20.AsSpan(0, n), ema50 = indicators.Ema50.AsSpan(0, n);
        ReadOnlySpan<double> rsi = indicators.Rsi14.AsSpan(0, n), macd = indicators.Macd.AsSpan(0, n), atr = indicators.Atr14.AsSpan(0, n);
        ReadOnlySpan<double> high20 = indicators.High20.AsSpan(0, n), volumeAverage = indicators.VolAvg20.AsSpan(0, n);
        var levels = Levels.Of(rails);
        var first = IndicatorCalculator.FirstCompleteIndex;
        if (n <= first)
        {
            return;
        }
        double previousOpen = open[first - 1], previousClose = close[first - 1], previousRsi = rsi[first - 1], previousMacd = macd[first - 1];
        for (var i = first; i < n; i++)
        {
            var day = new Day(open[i], high[i], low[i], close[i], volume[i], previousOpen, previousClose, ema5[i], ema20[i], ema50[i],
                rsi[i], previousRsi, macd[i], previousMacd, atr[i], high20[i], volumeAverage[i]);
            output[i] = Fire(day, levels, vetoes.Length != 0 && vetoes[i]);
            (previousOpen, previousClose, previousRsi, previousMacd) = (day.Open, day.Close, day.Rsi, day.Macd);
        }
    }

    /// <summary>
    /// The same conditions as the evidence. Each strategy's rarest condition (at the target, above the breakout level,
    /// RSI turning up) is tested first and skips the rest; the others are combined without branches, because on real
    /// prices they are close to coin flips and branches on them would be mispredicted bar after bar.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // into the scan's loop, the day in registers
    private FiredStrategies Fire(in Day d, in Levels r, bool vetoed)
    {
        var p = parameters;
        var breakdown = BreakdownBelow(d) & MacdFalling(d) & (d.Rsi <= p.BreakdownRsiMax) & VolumeAtLeast(d, p.BreakdownVolumeMultiple);
        var overbought = d.Close >= r.SellTarget
            && ((d.Close >= r.TrimMin) & (d.Rsi >= p.OverboughtRsiMin) & PulledBackOrEngulfed(d) & VolumeAtLeast(d, p.OverboughtVolumeMultiple));
        var aboveEma20 = !r.AboveEma20 | (d.Close >= d.Ema20);
        var breakout = d.Close > BreakoutLevel(d)
            && (!vetoed & (d.Ema5 > d.Ema20) & MomentumConfirmed(d) & VolumeAtLeast(d, p.BreakoutVolumeMultiple) & aboveEma20);
        var reversal = RsiTurnedUp(d)
            && (!vetoed & AboveAverages(d) & NearTheHigh(d) & VolumeAtLeast(d, p.ReversalVolumeMultiple) & aboveEma20
                & (!r.InAddZone | ((d.Close >= r.ZoneLow) & (d.Close <= r.ZoneHigh))) & (!r.NearEmaCluster | NearEmaCluster(d)));
        return (FiredStrategies)(Bit(breakdown) | (Bit(overbought) << 1) | (Bit(breakout) << 2) | (Bit(reversal) << 3));
    }

    private static int Bit(bool condition) => condition ? 1 : 0;

    /// <summary>The rails as the scan reads them: doubles, an unset level one no close can reach (or, for a floor, always passes).</summary>
    private readonly record struct Levels(double SellTarget, double TrimMin, double ZoneLow, double ZoneHigh, bool InAddZone, bool AboveEma20, bool NearEmaCluster)
    {
        public static Levels Of(PositionRails rails) => new(
            rails.SellTarget is { } target ? (double)target : double.PositiveInfinity,
            rails.TrimMin is { } trim ? (double)trim : double.NegativeInfinity,
            rails.AddZoneLow is { } low && rails.AddZoneHigh is not null ? (double)low : double.PositiveInfinity,
            rails is { AddZoneLow: not null, AddZoneHigh: { } high } ? (double)high : double.NegativeInfinity,
            rails.BuyOnly.HasFlag(BuyGates.InAddZone), rails.BuyOnly.HasFlag(BuyGates.AboveEma20), rails.BuyOnly.HasFlag(BuyGates.NearEmaCluster));
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

    private bool MomentumConfirmed(in Day d) => (d.Rsi >= parameters.BreakoutRsiMin) | ((d.Macd > 0) & (d.Macd > d.PreviousMacd));

    private bool RsiTurnedUp(in Day d) => (d.PreviousRsi <= parameters.ReversalRsiFrom) & (d.Rsi >= parameters.ReversalRsiTo);

    private static bool AboveAverages(in Day d) => (d.Close >= d.Ema20) & (d.Close >= d.Ema5);

    private static double PlaceInRange(in Day d) => d.High > d.Low ? (d.Close - d.Low) / (d.High - d.Low) : 0;

    private bool NearTheHigh(in Day d) => (d.High > d.Low) & ((d.Close - d.Low) / (d.High - d.Low) >= parameters.ReversalCloseInRange);

    private double BreakdownLevel(in Day d) => d.Ema50 - parameters.BreakdownAtrMultiple * d.Atr;

    private bool BreakdownBelow(in Day d) => d.Close < BreakdownLevel(d);

    private static bool MacdFalling(in Day d) => (d.Macd < 0) & (d.Macd < d.PreviousMacd);

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
        return (d.Close >= low) & (d.Close <= high);
    }

    /// <summary>The gates as the prototype applied them: the add zone and the EMA cluster to reversal buys only.</summary>
    private static bool Gated(PositionRails rails, BuyGates gate, FiredStrategies buy) =>
        rails.BuyOnly.HasFlag(gate) && (gate == BuyGates.AboveEma20 || buy == FiredStrategies.OversoldReversal);

    private static bool Engulfed(in Day d) =>
        (d.PreviousClose > d.PreviousOpen) & (d.Close < d.Open) & (d.Open >= d.PreviousClose) & (d.Close <= d.PreviousOpen);

    private bool PulledBackOrEngulfed(in Day d) => (d.High - d.Close >= parameters.OverboughtPullbackAtrMultiple * d.Atr) | Engulfed(d);

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
    private readonly record struct Day(
        double Open, double High, double Low, double Close, double Volume, double PreviousOpen, double PreviousClose,
        double Ema5, double Ema20, double Ema50, double Rsi, double PreviousRsi, double Macd, double PreviousMacd, double Atr,
        double High20, double VolumeAverage)
    {
        public static Day At(BarSeries bars, IndicatorSeries x, int i) => new(
            bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.Volume[i], bars.Open[i - 1], bars.Close[i - 1],
            x.Ema5[i], x.Ema20[i], x.Ema50[i], x.Rsi14[i], x.Rsi14[i - 1], x.Macd[i], x.Macd[i - 1], x.Atr14[i], x.High20[i], x.VolAvg20[i]);

        public IReadOnlyDictionary<string, double?> Values(BarSeries bars, IndicatorSeries x, int i)
        {
            var values = IndicatorRow.At(bars, x, i).AsDictionary();
            values["previousRsi14"] = PreviousRsi;
            values["previousMacd"] = PreviousMacd;
            return values;
        }
    }
}
