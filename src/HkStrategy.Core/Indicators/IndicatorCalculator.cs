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
        double ema5 = 0, ema20 = 0, ema50 = 0, ema12 = 0, ema26 = 0, signal = 0;
        double avgGain = 0, avgLoss = 0, atr = 0, closeSum = 0, volumeSum = 0;
        var deviation = default(RollingDeviation);
        var extremes = default(RollingExtremes);
        for (var i = 0; i < n; i++)
        {
            var c = close[i];
            if (i == 0)
            {
                ema5 = ema20 = ema50 = ema12 = ema26 = c;
                atr = high[0] - low[0];
            }
            else
            {
                ema5 += (c - ema5) * (2.0 / 6);
                ema20 += (c - ema20) * (2.0 / 21);
                ema50 += (c - ema50) * (2.0 / 51);
                ema12 += (c - ema12) * (2.0 / 13);
                ema26 += (c - ema26) * (2.0 / 27);
                var change = c - close[i - 1];
                var gain = change > 0 ? change : 0;
                var loss = change < 0 ? -change : 0;
                var trueRange = Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
                atr += (trueRange - atr) * Wilder;
                if (i == 1)
                {
                    (avgGain, avgLoss) = (gain, loss);
                }
                else
                {
                    avgGain += (gain - avgGain) * Wilder;
                    avgLoss += (loss - avgLoss) * Wilder;
                }
            }
            series.Ema5[i] = i >= 4 ? ema5 : double.NaN;
            series.Ema20[i] = i >= 19 ? ema20 : double.NaN;
            series.Ema50[i] = i >= 49 ? ema50 : double.NaN;
            series.Rsi14[i] = i >= 14 ? Rsi(avgGain, avgLoss) : double.NaN;
            series.Atr14[i] = i >= 13 ? atr : double.NaN;

            var macd = ema12 - ema26;
            signal = i == 25 ? macd : signal + (macd - signal) * (2.0 / 10);
            series.Macd[i] = i >= 25 ? macd : double.NaN;
            series.MacdSignal[i] = i >= 33 ? signal : double.NaN;
            series.MacdHist[i] = i >= 33 ? macd - signal : double.NaN;

            closeSum += c - (i >= 20 ? close[i - 20] : 0);
            volumeSum += volume[i] - (i >= 20 ? volume[i - 20] : 0);
            deviation.Add(close, i);
            if (i >= 19)
            {
                var mean = closeSum / 20;
                var twoDeviations = 2 * deviation.Deviation();
                series.BbMiddle[i] = mean;
                series.BbUpper[i] = mean + twoDeviations;
                series.BbLower[i] = mean - twoDeviations;
                series.VolAvg20[i] = volumeSum / 20;
            }
            else
            {
                series.BbMiddle[i] = series.BbUpper[i] = series.BbLower[i] = series.VolAvg20[i] = double.NaN;
            }
            (series.High20[i], series.Low20[i]) = i >= 20 ? extremes.Before(high, low, i) : (double.NaN, double.NaN);
            extremes.Add(high, low, i);
        }
        return series;
    }

    private static double Rsi(double averageGain, double averageLoss) =>
        averageLoss == 0 ? (averageGain == 0 ? 50 : 100) : 100 - 100 / (1 + averageGain / averageLoss);
}
