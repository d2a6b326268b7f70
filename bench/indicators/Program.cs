using System.Diagnostics;
using System.Globalization;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;
using HkStrategy.Core.Signals;

// Indicators plus signal evaluation over SYMBOLS × BARS generated daily bars (seeded random walks), in four passes:
// hks's IndicatorCalculator (into a reused series) and SignalEvaluator.Fired on every bar; the indicators alone, reused
// and newly allocated; and a plain single-pass loop over reused arrays (the floor). Generation is not timed; each pass
// is warmed up for a second first.
var symbols = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2500;
var barsPerSymbol = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
var seed = args.Length > 2 ? ulong.Parse(args[2], CultureInfo.InvariantCulture) : 20261125UL;

var evaluator = new SignalEvaluator(SignalParameters.Default);
var dates = Enumerable.Range(0, barsPerSymbol).Select(i => new DateOnly(2000, 1, 3).AddDays(i)).ToArray();
var (open, high, low, close, volume) = (new double[barsPerSymbol], new double[barsPerSymbol], new double[barsPerSymbol], new double[barsPerSymbol], new double[barsPerSymbol]);
var plain = new double[14][];
for (var k = 0; k < plain.Length; k++)
{
    plain[k] = new double[barsPerSymbol];
}

var reused = new IndicatorSeries(barsPerSymbol);
Measure("hks indicators + signals", (bars) =>
{
    var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume, reused);
    var fired = 0;
    for (var i = IndicatorCalculator.FirstCompleteIndex; i < bars.Count; i++)
    {
        fired += SignalEvaluator.Choose(evaluator.Fired(bars, x, i, PositionRails.None, vetoed: false)).Code.Side == 'H' ? 0 : 1;
    }
    return fired;
});
Measure("hks indicators only", bars => IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume, reused).Rsi14[^1] > 50 ? 1 : 0);
Measure("hks indicators only, a new series each symbol", bars => IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume).Rsi14[^1] > 50 ? 1 : 0);
Measure("plain single-pass loop (indicators)", bars => PlainLoop.Compute(bars.High, bars.Low, bars.Close, bars.Volume, plain));

void Measure(string name, Func<BarSeries, int> work)
{
    // Warm-up, not timed: long enough for tiered compilation to replace the first code with optimised code
    // (otherwise the first pass measured pays for the JIT, and its instrumented code allocates).
    var warmUp = Stopwatch.StartNew();
    var warmRandom = new Xorshift(seed ^ 0x5DEECE66DUL);
    while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
    {
        Generate(warmRandom, open, high, low, close, volume);
        work(new BarSeries("WARM", dates, open, high, low, close, volume));
    }
    var random = new Xorshift(seed);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var timer = new Stopwatch();
    long checksum = 0;
    for (var s = 0; s < symbols; s++)
    {
        Generate(random, open, high, low, close, volume);
        var bars = new BarSeries("BENCH", dates, open, high, low, close, volume);
        timer.Start();
        checksum += work(bars);
        timer.Stop();
    }
    var total = (double)symbols * barsPerSymbol;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}\t{total / timer.Elapsed.TotalSeconds:F0}\t{timer.Elapsed.TotalSeconds:F3}\t{(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0}\t{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0}\t{checksum}"));
}

static void Generate(Xorshift random, double[] open, double[] high, double[] low, double[] close, double[] volume)
{
    var price = 50 + random.Next() * 100;
    for (var i = 0; i < close.Length; i++)
    {
        var o = price * (1 + (random.Next() - 0.5) * 0.01);
        var c = Math.Max(0.5, price * (1 + (random.Next() - 0.5) * 0.04));
        open[i] = o;
        close[i] = c;
        high[i] = Math.Max(o, c) * (1 + random.Next() * 0.01);
        low[i] = Math.Min(o, c) * (1 - random.Next() * 0.01);
        volume[i] = 100_000 + random.Next() * 900_000;
        price = c;
    }
}

/// <summary>A seeded generator (xorshift64*), so every pass sees the same bars.</summary>
internal sealed class Xorshift(ulong state)
{
    public double Next()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return ((state * 2685821657736338717UL) >> 11) * (1.0 / (1UL << 53));
    }
}
