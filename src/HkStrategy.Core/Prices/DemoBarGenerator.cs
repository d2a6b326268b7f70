namespace HkStrategy.Core.Prices;

/// <summary>
/// Synthetic daily bars for the demo state: a random walk pinned at both ends (a Brownian bridge in log
/// price) that starts near the position's average cost and ends exactly at its current price. The same
/// symbol and dates always give the same bars. Demo data only: never presented as market data.
/// </summary>
public static class DemoBarGenerator
{
    private const double DailyVolatility = 0.018;

    public static IReadOnlyList<DailyBar> Generate(string symbol, decimal startPrice, decimal endPrice, IReadOnlyList<DateOnly> tradingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tradingDays.Count, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(endPrice);
        var random = DeterministicRandom.ForKey(symbol);
        var closes = BridgeCloses(random, (double)(startPrice > 0 ? startPrice : endPrice), (double)endPrice, tradingDays.Count);
        var bars = new List<DailyBar>(tradingDays.Count);
        var previousClose = closes[0];
        for (var day = 0; day < tradingDays.Count; day++)
        {
            var close = closes[day];
            var open = day == 0 ? close : previousClose * Math.Exp(random.NextGaussian() * DailyVolatility / 3);
            var high = Math.Max(open, close) * (1 + Math.Abs(random.NextGaussian()) * DailyVolatility / 2);
            var low = Math.Min(open, close) * (1 - Math.Abs(random.NextGaussian()) * DailyVolatility / 2);
            var volume = (long)(2_000_000 / Math.Sqrt(close) * Math.Exp(random.NextGaussian() * 0.4)) + 1_000;
            var closePrice = day == tradingDays.Count - 1 ? endPrice : Price(close);
            bars.Add(new DailyBar(symbol, tradingDays[day], Price(open), Math.Max(Price(high), closePrice), Math.Min(Price(low), closePrice), closePrice, volume));
            previousClose = close;
        }
        return bars;
    }

    private static double[] BridgeCloses(DeterministicRandom random, double start, double end, int count)
    {
        var walk = new double[count];
        for (var i = 1; i < count; i++)
        {
            walk[i] = walk[i - 1] + random.NextGaussian() * DailyVolatility;
        }
        var (logStart, logEnd) = (Math.Log(start), Math.Log(end));
        var closes = new double[count];
        for (var i = 0; i < count; i++)
        {
            var t = (double)i / (count - 1);
            closes[i] = Math.Exp(logStart + ((logEnd - logStart) * t) + walk[i] - (t * walk[count - 1]));
        }
        return closes;
    }

    private static decimal Price(double value) => Math.Round((decimal)value, 3, MidpointRounding.AwayFromZero);
}
