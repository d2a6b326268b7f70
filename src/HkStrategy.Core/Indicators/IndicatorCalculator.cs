namespace HkStrategy.Core.Indicators;

/// <summary>
/// Computes every indicator in one pass over the bars, with the prototype's semantics:
/// <list type="bullet">
/// <item>EMA(n): alpha 2/(n+1), seeded with the first close, undefined for the first n−1 bars.</item>
/// <item>RSI(14): Wilder smoothing (alpha 1/14) seeded with the first change, undefined for the first 14 bars. RSI is
/// 100 when there were no losses, 50 when prices did not move at all (the prototype reads 0 there: its
/// <c>fillna(0)</c> would call a market that only rose "oversold"; docs/portfolios-prices-signals.md).</item>
/// <item>ATR(14) exactly as the prototype's <c>atr()</c>: the first bar's true range is its high − low (no previous
/// close), Wilder's smoothing is seeded with it, and ATR is defined from the 14th bar.</item>
/// <item>MACD = EMA12 − EMA26 from bar 26; its signal, EMA9 of the MACD seeded with its first value, from bar 34.</item>
/// <item>Bollinger(20, 2): SMA20 ± 2 × sample standard deviation (<see cref="RollingDeviation"/>: as exact as two
/// passes, in one); volume average over 20 bars; 20-bar high and low of the bars before the current one
/// (<see cref="RollingExtremes"/>).</item>
/// </list>
/// </summary>
public static class IndicatorCalculator
{
    /// <summary>The first bar (0-based) on which every indicator is defined: EMA50 needs 50 bars.</summary>
    public const int FirstCompleteIndex = 49;

    private const double Wilder = 1.0 / 14;

    public static IndicatorSeries Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume) =>
        Compute(high, low, close, volume, new IndicatorSeries(close.Length));

    /// <summary>Into a series of the bars' length the caller reuses (scans over many symbols allocate nothing per symbol).</summary>
    public static IndicatorSeries Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume, IndicatorSeries series)
    {
        var n = close.Length;
        if (high.Length != n || low.Length != n || volume.Length != n || series.Length != n)
        {
            throw new ArgumentException("high, low, close, volume and the series must have one value per bar");
        }
        if (n == 0)
        {
            return series;
        }
        // The running values live in locals (registers), the outputs in spans held by the loop: this is the hot path of
        // every scan. Every bar is computed alike; the bars where an indicator is not yet defined are set to NaN after.
        Span<double> ema5Out = series.Ema5, ema20Out = series.Ema20, ema50Out = series.Ema50, rsiOut = series.Rsi14, atrOut = series.Atr14;
        Span<double> macdOut = series.Macd, signalOut = series.MacdSignal, histogramOut = series.MacdHist;
        Span<double> upperOut = series.BbUpper, middleOut = series.BbMiddle, lowerOut = series.BbLower, volumeOut = series.VolAvg20;
        Span<double> high20Out = series.High20, low20Out = series.Low20;
        var c = close[0];
        double ema5 = c, ema20 = c, ema50 = c, ema12 = c, ema26 = c, signal = 0, averageGain = 0, averageLoss = 0;
        double atr = high[0] - low[0], closeSum = 0, volumeSum = 0;
        var deviation = default(RollingDeviation);
        var extremes = new RollingExtremes();
        for (var i = 0; i < n; i++)
        {
            c = close[i];
            if (i > 0)
            {
                ema5 += (c - ema5) * (2.0 / 6);
                ema20 += (c - ema20) * (2.0 / 21);
                ema50 += (c - ema50) * (2.0 / 51);
                ema12 += (c - ema12) * (2.0 / 13);
                ema26 += (c - ema26) * (2.0 / 27);
                var previous = close[i - 1];
                var change = c - previous;
                var gain = change > 0 ? change : 0;
                var loss = change < 0 ? -change : 0;
                var trueRange = Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - previous), Math.Abs(low[i] - previous)));
                atr += (trueRange - atr) * Wilder;
                averageGain = i == 1 ? gain : averageGain + (gain - averageGain) * Wilder;
                averageLoss = i == 1 ? loss : averageLoss + (loss - averageLoss) * Wilder;
            }
            var macd = ema12 - ema26;
            signal = i == 25 ? macd : signal + (macd - signal) * (2.0 / 10);
            if (i >= 20)
            {
                closeSum += c - close[i - 20];
                volumeSum += volume[i] - volume[i - 20];
                (high20Out[i], low20Out[i]) = extremes.Before(high, low, i);
            }
            else
            {
                closeSum += c;
                volumeSum += volume[i];
            }
            extremes.Add(high, low, i);
            deviation.Add(close, i);
            ema5Out[i] = ema5;
            ema20Out[i] = ema20;
            ema50Out[i] = ema50;
            rsiOut[i] = Rsi(averageGain, averageLoss);
            atrOut[i] = atr;
            macdOut[i] = macd;
            signalOut[i] = signal;
            histogramOut[i] = macd - signal;
            var mean = closeSum / 20;
            var twoDeviations = 2 * deviation.Deviation();
            middleOut[i] = mean;
            upperOut[i] = mean + twoDeviations;
            lowerOut[i] = mean - twoDeviations;
            volumeOut[i] = volumeSum / 20;
        }
        Undefined(ema5Out, 4);
        Undefined(ema20Out, 19);
        Undefined(ema50Out, 49);
        Undefined(rsiOut, 14);
        Undefined(atrOut, 13);
        Undefined(macdOut, 25);
        Undefined(signalOut, 33);
        Undefined(histogramOut, 33);
        Undefined(middleOut, 19);
        Undefined(upperOut, 19);
        Undefined(lowerOut, 19);
        Undefined(volumeOut, 19);
        Undefined(high20Out, 20);
        Undefined(low20Out, 20);
        return series;
    }

    /// <summary>The first <paramref name="bars"/> values are not defined yet.</summary>
    private static void Undefined(Span<double> values, int bars) => values[..Math.Min(bars, values.Length)].Fill(double.NaN);

    private static double Rsi(double averageGain, double averageLoss) =>
        averageLoss == 0 ? (averageGain == 0 ? 50 : 100) : 100 - 100 / (1 + averageGain / averageLoss);
}
