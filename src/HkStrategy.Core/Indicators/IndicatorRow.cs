using HkStrategy.Core.Prices;

namespace HkStrategy.Core.Indicators;

/// <summary>The indicators of one trading day, null where undefined: what <c>hks indicators --json</c> prints.</summary>
public sealed record IndicatorRow(
    DateOnly Date, double Close, double? Ema5, double? Ema20, double? Ema50, double? Rsi14, double? Macd, double? MacdSignal,
    double? MacdHist, double? Atr14, double? BbUpper, double? BbMiddle, double? BbLower, double? VolAvg20, double? High20, double? Low20)
{
    public static IndicatorRow At(BarSeries bars, IndicatorSeries x, int i) => new(
        bars.Dates[i], bars.Close[i], V(x.Ema5[i]), V(x.Ema20[i]), V(x.Ema50[i]), V(x.Rsi14[i]), V(x.Macd[i]), V(x.MacdSignal[i]),
        V(x.MacdHist[i]), V(x.Atr14[i]), V(x.BbUpper[i]), V(x.BbMiddle[i]), V(x.BbLower[i]), V(x.VolAvg20[i]), V(x.High20[i]), V(x.Low20[i]));

    public Dictionary<string, double?> AsDictionary() => new(StringComparer.Ordinal)
    {
        ["close"] = Close, ["ema5"] = Ema5, ["ema20"] = Ema20, ["ema50"] = Ema50, ["rsi14"] = Rsi14, ["macd"] = Macd,
        ["macdSignal"] = MacdSignal, ["macdHist"] = MacdHist, ["atr14"] = Atr14, ["bbUpper"] = BbUpper, ["bbMiddle"] = BbMiddle,
        ["bbLower"] = BbLower, ["volAvg20"] = VolAvg20, ["high20"] = High20, ["low20"] = Low20,
    };

    private static double? V(double value) => double.IsNaN(value) ? null : value;
}
