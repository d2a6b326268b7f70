/// <summary>
/// The floor: the same indicators in one pass into arrays reused for every symbol (no allocation), with running
/// windows where hks computes the Bollinger deviation and the 20-bar extremes over the window. Not used by hks.
/// </summary>
internal static class PlainLoop
{
    public static int Compute(double[] high, double[] low, double[] close, double[] volume, double[][] output)
    {
        double e5 = close[0], e20 = close[0], e50 = close[0], e12 = close[0], e26 = close[0], signal = 0, gain = 0, loss = 0, atr = high[0] - low[0], sum = 0, sumSquares = 0, volumeSum = 0;
        for (var i = 0; i < close.Length; i++)
        {
            var c = close[i];
            if (i > 0)
            {
                e5 += (c - e5) * (2.0 / 6);
                e20 += (c - e20) * (2.0 / 21);
                e50 += (c - e50) * (2.0 / 51);
                e12 += (c - e12) * (2.0 / 13);
                e26 += (c - e26) * (2.0 / 27);
                var change = c - close[i - 1];
                var tr = Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
                gain = i == 1 ? Math.Max(change, 0) : gain + (Math.Max(change, 0) - gain) / 14;
                loss = i == 1 ? Math.Max(-change, 0) : loss + (Math.Max(-change, 0) - loss) / 14;
                atr += (tr - atr) / 14;
            }
            var macd = e12 - e26;
            signal = i == 25 ? macd : signal + (macd - signal) * 0.2;
            sum += c - (i >= 20 ? close[i - 20] : 0);
            sumSquares += c * c - (i >= 20 ? close[i - 20] * close[i - 20] : 0);
            volumeSum += volume[i] - (i >= 20 ? volume[i - 20] : 0);
            var mean = sum / 20;
            var deviation = Math.Sqrt(Math.Max(0, (sumSquares - 20 * mean * mean) / 19));
            output[0][i] = e5;
            output[1][i] = e20;
            output[2][i] = e50;
            output[3][i] = loss == 0 ? 100 : 100 - 100 / (1 + gain / loss);
            output[4][i] = macd;
            output[5][i] = signal;
            output[6][i] = macd - signal;
            output[7][i] = atr;
            output[8][i] = mean + 2 * deviation;
            output[9][i] = mean;
            output[10][i] = mean - 2 * deviation;
            output[11][i] = volumeSum / 20;
            if (i >= 20)
            {
                double h = double.MinValue, l = double.MaxValue;
                for (var k = i - 20; k < i; k++)
                {
                    h = Math.Max(h, high[k]);
                    l = Math.Min(l, low[k]);
                }
                output[12][i] = h;
                output[13][i] = l;
            }
        }
        return output[3][^1] > 50 ? 1 : 0;
    }
}
