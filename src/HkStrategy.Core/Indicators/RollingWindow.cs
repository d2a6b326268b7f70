namespace HkStrategy.Core.Indicators;

/// <summary>
/// The sample standard deviation of the last 20 closes, updated in O(1) per bar and as exact as two passes: sums of
/// each close's distance from a shift near the window (so no large squares cancel), the shift and sums recomputed
/// exactly from the window every 20 bars (so rounding cannot accumulate), and exactly 0 once 20 closes in a row are
/// equal (as pandas does).
/// </summary>
internal struct RollingDeviation
{
    public const int Window = 20;

    private double _shift;
    private double _sum;
    private double _squares;
    private int _equalRun;

    public void Add(ReadOnlySpan<double> close, int i)
    {
        var x = close[i];
        _equalRun = i > 0 && x == close[i - 1] ? _equalRun + 1 : 1;
        if (i == 0)
        {
            _shift = x;
        }
        var d = x - _shift;
        _sum += d;
        _squares += d * d;
        if (i >= Window)
        {
            var gone = close[i - Window] - _shift;
            _sum -= gone;
            _squares -= gone * gone;
        }
        if (i >= Window - 1 && (i + 1) % Window == 0)
        {
            Rebase(close.Slice(i - Window + 1, Window));
        }
    }

    /// <summary>Defined once 20 closes were added.</summary>
    public readonly double Deviation()
    {
        if (_equalRun >= Window)
        {
            return 0;
        }
        var variance = (_squares - _sum * _sum / Window) / (Window - 1);
        return variance > 0 ? Math.Sqrt(variance) : 0;
    }

    private void Rebase(ReadOnlySpan<double> window)
    {
        var mean = 0.0;
        foreach (var x in window)
        {
            mean += x;
        }
        _shift = mean / Window;
        (_sum, _squares) = (0, 0);
        foreach (var x in window)
        {
            var d = x - _shift;
            _sum += d;
            _squares += d * d;
        }
    }
}

/// <summary>
/// The highest high and lowest low of the 20 bars before the current one: the running extreme and where it was, the
/// window scanned again only when that bar leaves it. The branches this takes are rare and so well predicted, which on
/// real prices is faster than a monotonic queue, whose pops depend on every bar.
/// </summary>
internal struct RollingExtremes
{
    private const int Window = 20;

    private double _high, _low;
    private int _highAt, _lowAt;

    public RollingExtremes()
    {
        (_high, _low, _highAt, _lowAt) = (double.NegativeInfinity, double.PositiveInfinity, -1, -1);
    }

    /// <summary>Bar <paramref name="i"/> enters the window of the bars after it.</summary>
    public void Add(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int i)
    {
        if (high[i] >= _high)
        {
            (_high, _highAt) = (high[i], i);
        }
        if (low[i] <= _low)
        {
            (_low, _lowAt) = (low[i], i);
        }
    }

    /// <summary>The extremes of bars i − 20 … i − 1 (after bars up to i − 1 were added).</summary>
    public (double High, double Low) Before(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int i)
    {
        if (_highAt < i - Window)
        {
            (_high, _highAt) = (double.NegativeInfinity, -1);
            for (var k = i - Window; k < i; k++)
            {
                if (high[k] >= _high)
                {
                    (_high, _highAt) = (high[k], k);
                }
            }
        }
        if (_lowAt < i - Window)
        {
            (_low, _lowAt) = (double.PositiveInfinity, -1);
            for (var k = i - Window; k < i; k++)
            {
                if (low[k] <= _low)
                {
                    (_low, _lowAt) = (low[k], k);
                }
            }
        }
        return (_high, _low);
    }
}
