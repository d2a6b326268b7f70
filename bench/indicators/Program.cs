using System.Diagnostics;
using System.Globalization;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;
using HkStrategy.Core.Signals;

// Indicators plus signal evaluation over SYMBOLS × BARS generated daily bars (seeded random walks), in four passes:
// hks's IndicatorCalculator (into a reused series) and the signal rules on every bar (SignalEvaluator.FireAll); the
// indicators alone, reused and newly allocated; and a plain single-pass loop over reused arrays (the floor). The passes
// take turns on each symbol's bars, so a slower or faster spell of the machine falls on all of them alike and their
// ratios hold within one run. Generation is not timed; the passes are warmed up for a second first.
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
var fired = new FiredStrategies[barsPerSymbol];

(string Name, Func<BarSeries, int> Work)[] passes =
[
    ("hks indicators + signals", bars =>
    {
        var x = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume, reused);
        evaluator.FireAll(bars, x, PositionRails.None, vetoes: default, fired);
        return fired[^1] == FiredStrategies.None ? 0 : 1; // like the other passes, one value of the output read back
    }),
    ("hks indicators only", bars => IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume, reused).Rsi14[^1] > 50 ? 1 : 0),
    ("hks indicators only, a new series each symbol", bars => IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume).Rsi14[^1] > 50 ? 1 : 0),
    ("plain single-pass loop (indicators)", bars => PlainLoop.Compute(bars.High, bars.Low, bars.Close, bars.Volume, plain)),
];

// Warm-up, not timed: long enough for tiered compilation to replace the first code with optimised code (otherwise the
// first pass measured pays for the JIT, and its instrumented code allocates).
var warmRandom = new Xorshift(seed ^ 0x5DEECE66DUL);
foreach (var (_, work) in passes)
{
    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
    {
        Generate(warmRandom, open, high, low, close, volume);
        work(new BarSeries("WARM", dates, open, high, low, close, volume));
    }
}

var random = new Xorshift(seed);
var timers = passes.Select(_ => new Stopwatch()).ToArray();
var allocated = new long[passes.Length];
var checksums = new long[passes.Length];
for (var s = 0; s < symbols; s++)
{
    Generate(random, open, high, low, close, volume);
    var bars = new BarSeries("BENCH", dates, open, high, low, close, volume);
    for (var p = 0; p < passes.Length; p++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        timers[p].Start();
        checksums[p] += passes[p].Work(bars);
        timers[p].Stop();
        allocated[p] += GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
var total = (double)symbols * barsPerSymbol;
var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
for (var p = 0; p < passes.Length; p++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{passes[p].Name}\t{total / timers[p].Elapsed.TotalSeconds:F0}\t{timers[p].Elapsed.TotalSeconds:F3}\t{allocated[p] / 1048576.0:F0}\t{peak:F0}\t{checksums[p]}"));
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
