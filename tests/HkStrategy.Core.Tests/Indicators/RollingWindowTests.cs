using HkStrategy.Core.Indicators;

namespace HkStrategy.Core.Tests.Indicators;

/// <summary>The one-pass Bollinger deviation and 20-bar extremes against the two-pass and brute-force definitions.</summary>
public sealed class RollingWindowTests
{
    [Theory]
    [InlineData(100.0, 2.0)]          // everyday prices
    [InlineData(9_999_000.0, 0.001)]  // huge prices that move by a tick: the squares would cancel in a plain running sum
    [InlineData(0.01, 0.0001)]        // penny prices
    public void TheDeviation_EqualsTwoPasses_OnEveryWindow(double level, double step)
    {
        var random = new Random(20261129);
        var close = new double[3000];
        var price = level;
        for (var i = 0; i < close.Length; i++)
        {
            price = i is >= 500 and < 540 ? price : Math.Max(step, price + step * Math.Round(random.NextDouble() * 20 - 10)); // a flat stretch, then steps
            close[i] = price;
        }
        var flat = Enumerable.Repeat(level, close.Length).ToArray();
        var series = IndicatorCalculator.Compute(close, close, close, flat);

        for (var i = 19; i < close.Length; i++)
        {
            var expected = TwoPass(close.AsSpan(i - 19, 20));
            var actual = (series.BbUpper[i] - series.BbLower[i]) / 4;
            Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(expected, step) + 4 * (Math.BitIncrement(level) - level), $"bar {i}: {actual} against two passes' {expected}");
            if (i is >= 519 and < 540)
            {
                Assert.Equal(series.BbUpper[i], series.BbLower[i]); // 20 equal closes: exactly no width
            }
        }
    }

    [Fact]
    public void TheExtremes_OfThe20BarsBefore_EqualABruteForceScan()
    {
        var random = new Random(7);
        var high = Enumerable.Range(0, 2000).Select(_ => Math.Round(random.NextDouble() * 100, 1)).ToArray(); // many ties
        var low = high.Select(h => h - Math.Round(random.NextDouble() * 5, 1)).ToArray();
        var series = IndicatorCalculator.Compute(high, low, low, high);

        for (var i = 20; i < high.Length; i++)
        {
            Assert.Equal(high.AsSpan(i - 20, 20).ToArray().Max(), series.High20[i]);
            Assert.Equal(low.AsSpan(i - 20, 20).ToArray().Min(), series.Low20[i]);
        }
    }

    private static double TwoPass(ReadOnlySpan<double> window)
    {
        var mean = 0.0;
        foreach (var x in window)
        {
            mean += x;
        }
        mean /= window.Length;
        var squares = 0.0;
        foreach (var x in window)
        {
            squares += (x - mean) * (x - mean);
        }
        return Math.Sqrt(squares / (window.Length - 1));
    }
}
