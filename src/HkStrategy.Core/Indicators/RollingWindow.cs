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
/// The highest high and lowest low of the 20 bars before the current one, in O(1) amortised per bar: two monotonic
/// queues of bar indices (each index enters and leaves once).
/// </summary>
internal struct RollingExtremes
{
    private const int Window = 20;
    private const int Mask = 31; // a ring of 32 slots: a queue never holds more than 21 indices

    private Ring _highs;
    private Ring _lows;
    private int _highHead, _highTail, _lowHead, _lowTail;

    [System.Runtime.CompilerServices.InlineArray(Mask + 1)]
    private struct Ring
    {
        private int _first;
    }

    /// <summary>Bar <paramref name="i"/> enters the window of the bars after it.</summary>
    public void Add(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int i)
    {
        while (_highTail > _highHead && high[_highs[(_highTail - 1) & Mask]] <= high[i])
        {
            _highTail--;
        }
        _highs[_highTail++ & Mask] = i;
        while (_lowTail > _lowHead && low[_lows[(_lowTail - 1) & Mask]] >= low[i])
        {
            _lowTail--;
        }
        _lows[_lowTail++ & Mask] = i;
    }

    /// <summary>The extremes of bars i − 20 … i − 1 (after bars up to i − 1 were added).</summary>
    public (double High, double Low) Before(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int i)
    {
        while (_highs[_highHead & Mask] < i - Window)
        {
            _highHead++;
        }
        while (_lows[_lowHead & Mask] < i - Window)
        {
            _lowHead++;
        }
        return (high[_highs[_highHead & Mask]], low[_lows[_lowHead & Mask]]);
    }
}
