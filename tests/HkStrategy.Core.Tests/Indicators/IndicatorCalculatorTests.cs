using System.Globalization;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;

namespace HkStrategy.Core.Tests.Indicators;

/// <summary>
/// Compared with fixtures/indicators/reference.csv, which fixtures/indicators/make-reference.py computes from
/// fixtures/indicators/bars.csv with the prototype's own ema, macd, atr and rsi functions (hsidaily.py) and pandas.
/// </summary>
public sealed class IndicatorCalculatorTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "fixtures", "indicators");

    private static readonly string[] Columns =
        ["ema5", "ema20", "ema50", "rsi14", "macd", "macdSignal", "macdHist", "atr14", "bbUpper", "bbMiddle", "bbLower", "volAvg20", "high20", "low20"];

    [Fact]
    public void EveryIndicator_MatchesThePandasReference_AndIsUndefinedWhereItIs()
    {
        var bars = ReadBars();
        var series = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        var reference = File.ReadAllLines(Path.Combine(Folder, "reference.csv"));
        var header = reference[0].Split(',');

        Assert.Equal(bars.Count, reference.Length - 1);
        for (var i = 0; i < bars.Count; i++)
        {
            var cells = reference[i + 1].Split(',');
            var row = IndicatorRow.At(bars, series, i).AsDictionary();
            Assert.Equal(cells[0], bars.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var column in Columns)
            {
                var expected = cells[Array.IndexOf(header, column)];
                var actual = row[column];
                if (expected.Length == 0)
                {
                    Assert.True(actual is null, $"{column} of bar {i} should be undefined, was {actual}");
                }
                else
                {
                    Assert.True(actual is { } value && Math.Abs(value - double.Parse(expected, CultureInfo.InvariantCulture)) <= 1e-8 * Math.Max(1, Math.Abs(value)),
                        $"{column} of bar {i}: {actual} but pandas says {expected}");
                }
            }
        }
    }

    [Fact]
    public void FirstDefinedBars_AreWhereTheDefinitionsSay()
    {
        var bars = ReadBars();
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);

        Assert.Equal(4, FirstDefined(x.Ema5));
        Assert.Equal(19, FirstDefined(x.Ema20));
        Assert.Equal(49, FirstDefined(x.Ema50));
        Assert.Equal(14, FirstDefined(x.Rsi14));
        Assert.Equal(13, FirstDefined(x.Atr14));
        Assert.Equal(25, FirstDefined(x.Macd));
        Assert.Equal(33, FirstDefined(x.MacdSignal));
        Assert.Equal(19, FirstDefined(x.BbUpper));
        Assert.Equal(20, FirstDefined(x.High20));
        Assert.Equal(IndicatorCalculator.FirstCompleteIndex, new[] { x.Ema50, x.MacdSignal, x.High20 }.Max(FirstDefined));
    }

    [Fact]
    public void Rsi_EqualsThePrototypes_WhereverItSawALoss()
    {
        var bars = ReadBars();
        var series = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        var reference = File.ReadAllLines(Path.Combine(Folder, "reference.csv"));
        var column = Array.IndexOf(reference[0].Split(','), "rsi14Prototype");
        var compared = 0;

        for (var i = IndicatorCalculator.FirstCompleteIndex; i < bars.Count; i++)
        {
            var prototype = double.Parse(reference[i + 1].Split(',')[column], CultureInfo.InvariantCulture);
            if (prototype != 0) // the prototype's fillna(0): no loss seen, or prices flat (hks: 100 or 50)
            {
                Assert.True(Math.Abs(series.Rsi14[i] - prototype) <= 1e-8 * Math.Abs(prototype), $"RSI of bar {i}: {series.Rsi14[i]}, the prototype's {prototype}");
                compared++;
            }
        }

        Assert.True(compared > 300, $"{compared} bars compared");
    }

    [Fact]
    public void FlatPrices_GiveRsi50_AndZeroBandWidth()
    {
        var flat = Enumerable.Repeat(10.0, 40).ToArray();
        var x = IndicatorCalculator.Compute(flat, flat, flat, Enumerable.Repeat(100.0, 40).ToArray());

        Assert.Equal(50, x.Rsi14[39]);
        Assert.Equal(x.BbUpper[39], x.BbLower[39]);
        Assert.Equal(0, x.Atr14[39]);
    }

    [Fact]
    public void OnlyRisingCloses_GiveRsi100()
    {
        var rising = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();
        var x = IndicatorCalculator.Compute(rising, rising, rising, rising);

        Assert.Equal(100, x.Rsi14[29]);
    }

    private static int FirstDefined(double[] values) => Array.FindIndex(values, v => !double.IsNaN(v));

    internal static BarSeries ReadBars()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "bars.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        double Column(string[] cells, int k) => double.Parse(cells[k], CultureInfo.InvariantCulture);
        return new BarSeries("TEST.HK",
            lines.Select(c => DateOnly.ParseExact(c[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray(),
            lines.Select(c => Column(c, 1)).ToArray(), lines.Select(c => Column(c, 2)).ToArray(),
            lines.Select(c => Column(c, 3)).ToArray(), lines.Select(c => Column(c, 4)).ToArray(),
            lines.Select(c => Column(c, 5)).ToArray());
    }
}
