using System.Globalization;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;

namespace HkStrategy.Core.Signals;

/// <summary>What the rules know of the position besides its bars: the target sell price and vetoing events.</summary>
public sealed record SignalContext(decimal? TargetSell, string? Veto);

/// <summary>
/// The TXYZN rules. Every strategy's conditions are checked (so the evidence shows all of them); the first strategy in
/// priority order (SBRK, SOVB, BBRK, BRSV) whose conditions all hold gives the signal, else HMOM5.
/// </summary>
public sealed class SignalEvaluator(SignalParameters parameters)
{
    public SignalDecision? Evaluate(BarSeries bars, IndicatorSeries indicators, int i, SignalContext context)
    {
        if (i < IndicatorCalculator.FirstCompleteIndex || i >= bars.Count)
        {
            return null; // not enough history for every indicator the rules read
        }
        var day = new Day(bars, indicators, i);
        var checks = new[]
        {
            Check(StrategyCatalog.Breakdown, Breakdown(day)),
            Check(StrategyCatalog.OverboughtReversal, OverboughtReversal(day, context.TargetSell)),
            Check(StrategyCatalog.Breakout, [.. Breakout(day), NoVeto(context.Veto)]),
            Check(StrategyCatalog.OversoldReversal, [.. OversoldReversal(day), NoVeto(context.Veto)]),
        };
        var chosen = StrategyCatalog.All.FirstOrDefault(s => checks.Any(c => c.Fired && c.Code == s.Code.ToString())) ?? StrategyCatalog.Momentum;
        return new SignalDecision(bars.Dates[i], chosen.Code, chosen, day.Close, new SignalEvidence(day.Values(), checks, context.Veto));
    }

    private static StrategyCheck Check(CatalogStrategy strategy, RuleCheck[] checks) =>
        new(strategy.Code.ToString(), checks.All(c => c.Held), checks);

    private RuleCheck[] Breakout(Day d)
    {
        var level = d.High20 + parameters.BreakoutAtrMultiple * d.Atr;
        return
        [
            new($"EMA5 {F(d.Ema5)} > EMA20 {F(d.Ema20)}", d.Ema5 > d.Ema20),
            new($"close {F(d.Close)} > 20-day high {F(d.High20)} + {F(parameters.BreakoutAtrMultiple)} × ATR14 {F(d.Atr)} = {F(level)}", d.Close > level),
            new($"RSI14 {F(d.Rsi)} ≥ {F(parameters.BreakoutRsiMin)} or MACD {F(d.Macd)} > 0 and rising from {F(d.PreviousMacd)}",
                d.Rsi >= parameters.BreakoutRsiMin || (d.Macd > 0 && d.Macd > d.PreviousMacd)),
            Volume(d, parameters.BreakoutVolumeMultiple),
        ];
    }

    private RuleCheck[] OversoldReversal(Day d)
    {
        var placeInRange = d.High > d.Low ? (d.Close - d.Low) / (d.High - d.Low) : 0;
        return
        [
            new($"RSI14 turned up from {F(d.PreviousRsi)} ≤ {F(parameters.ReversalRsiFrom)} to {F(d.Rsi)} ≥ {F(parameters.ReversalRsiTo)}",
                d.PreviousRsi <= parameters.ReversalRsiFrom && d.Rsi >= parameters.ReversalRsiTo),
            new($"close {F(d.Close)} ≥ EMA20 {F(d.Ema20)} and ≥ EMA5 {F(d.Ema5)}", d.Close >= d.Ema20 && d.Close >= d.Ema5),
            new($"close in the top {F((1 - parameters.ReversalCloseInRange) * 100)}% of the day's range ({F(placeInRange * 100)}% up from the low)",
                d.High > d.Low && placeInRange >= parameters.ReversalCloseInRange),
            Volume(d, parameters.ReversalVolumeMultiple),
        ];
    }

    private RuleCheck[] Breakdown(Day d)
    {
        var level = d.Ema50 - parameters.BreakdownAtrMultiple * d.Atr;
        return
        [
            new($"close {F(d.Close)} < EMA50 {F(d.Ema50)} − {F(parameters.BreakdownAtrMultiple)} × ATR14 {F(d.Atr)} = {F(level)}", d.Close < level),
            new($"MACD {F(d.Macd)} < 0 and falling from {F(d.PreviousMacd)}", d.Macd < 0 && d.Macd < d.PreviousMacd),
            new($"RSI14 {F(d.Rsi)} ≤ {F(parameters.BreakdownRsiMax)}", d.Rsi <= parameters.BreakdownRsiMax),
            Volume(d, parameters.BreakdownVolumeMultiple),
        ];
    }

    private RuleCheck[] OverboughtReversal(Day d, decimal? targetSell)
    {
        var pullback = d.High - d.Close;
        var engulfing = d.PreviousClose > d.PreviousOpen && d.Close < d.Open && d.Open >= d.PreviousClose && d.Close <= d.PreviousOpen;
        return
        [
            new(targetSell is { } target ? $"close {F(d.Close)} ≥ target sell {F((double)target)}" : "a target sell price is set",
                targetSell is { } t && d.Close >= (double)t),
            new($"RSI14 {F(d.Rsi)} ≥ {F(parameters.OverboughtRsiMin)}", d.Rsi >= parameters.OverboughtRsiMin),
            new($"pullback from the high {F(pullback)} ≥ {F(parameters.OverboughtPullbackAtrMultiple)} × ATR14 {F(d.Atr)}, or a bearish engulfing day",
                pullback >= parameters.OverboughtPullbackAtrMultiple * d.Atr || engulfing),
            Volume(d, parameters.OverboughtVolumeMultiple),
        ];
    }

    private static RuleCheck Volume(Day d, double multiple) =>
        new($"volume {F(d.Volume)} ≥ {F(multiple)} × 20-day average {F(d.VolumeAverage)}", d.Volume >= multiple * d.VolumeAverage);

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
