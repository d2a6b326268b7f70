using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Analysis;

/// <summary>A position as a value analysis counts it: its shares, held through the whole period.</summary>
public sealed record Holding(string Symbol, int Quantity);

/// <summary>What one symbol added to (or took from) the portfolio's value on one day.</summary>
public sealed record Contribution(string Symbol, decimal Change);

/// <summary>The portfolio on one trading day: its value, the change from the day before, that as a return, and who moved it most.</summary>
public sealed record DailyValue(DateOnly Day, decimal Value, decimal Change, decimal Return, IReadOnlyList<Contribution> TopContributors);

/// <summary>A value analysis: the daily values and the period's figures (returns and drawdown as fractions, 0.0523 = 5.23%).</summary>
public sealed record ValueAnalysisResult(
    IReadOnlyList<DailyValue> Days, decimal StartValue, decimal EndValue, decimal TotalReturn, decimal MaxDrawdown, decimal Volatility,
    IReadOnlyList<string> Unpriced);

/// <summary>
/// The portfolio's value day by day: today's quantities × each symbol's close (the last close on or before the day,
/// so a symbol's missing bar does not look like a loss). Symbols with no close by the first day are left out and
/// named. Volatility is the sample standard deviation of daily returns × √252.
/// </summary>
public static class ValueAnalysis
{
    public const int MaxMonths = 18;

    public const int TopContributorsPerDay = 3;

    public static ValueAnalysisResult Compute(IReadOnlyList<Holding> holdings, IReadOnlyDictionary<string, SortedList<DateOnly, decimal>> closes, IReadOnlyList<DateOnly> tradingDays)
    {
        if (tradingDays.Count == 0)
        {
            throw HksException.Usage("NoTradingDays", "the period has no trading days");
        }
        var first = tradingDays[0];
        var priced = holdings.Where(h => h.Quantity > 0 && closes.TryGetValue(h.Symbol, out var c) && c.Keys.Count > 0 && c.Keys[0] <= first).ToList();
        var unpriced = holdings.Where(h => h.Quantity > 0 && !priced.Contains(h)).Select(h => h.Symbol).ToList();
        if (priced.Count == 0)
        {
            throw HksException.Usage("NoPrices", $"none of the portfolio's positions has a price on or before {first:yyyy-MM-dd}: import or fetch daily bars first");
        }
        var days = new List<DailyValue>(tradingDays.Count);
        var previous = new Dictionary<string, decimal>(StringComparer.Ordinal);
        decimal? previousValue = null;
        foreach (var day in tradingDays)
        {
            var positionValues = priced.ToDictionary(h => h.Symbol, h => h.Quantity * CloseOn(closes[h.Symbol], day), StringComparer.Ordinal);
            var value = Math.Round(positionValues.Values.Sum(), 2, MidpointRounding.AwayFromZero);
            var change = previousValue is { } before ? value - before : 0m;
            var dailyReturn = previousValue is > 0 ? Math.Round(change / previousValue.Value, 6, MidpointRounding.AwayFromZero) : 0m;
            var top = previous.Count == 0 ? [] : positionValues
                .Select(p => new Contribution(p.Key, Math.Round(p.Value - previous[p.Key], 2, MidpointRounding.AwayFromZero)))
                .Where(c => c.Change != 0).OrderByDescending(c => Math.Abs(c.Change)).ThenBy(c => c.Symbol, StringComparer.Ordinal)
                .Take(TopContributorsPerDay).ToList();
            days.Add(new DailyValue(day, value, change, dailyReturn, top));
            previous = positionValues;
            previousValue = value;
        }
        var start = days[0].Value;
        var end = days[^1].Value;
        return new ValueAnalysisResult(days, start, end, start == 0 ? 0 : Math.Round(end / start - 1, 4, MidpointRounding.AwayFromZero),
            Math.Round(MaxDrawdown(days.Select(d => d.Value)), 4, MidpointRounding.AwayFromZero),
            Math.Round(AnnualisedVolatility(days.Skip(1).Select(d => (double)d.Return).ToList()), 4, MidpointRounding.AwayFromZero), unpriced);
    }

    /// <summary>The largest fall from a running peak, as a fraction of that peak (0 when it never fell).</summary>
    public static decimal MaxDrawdown(IEnumerable<decimal> values)
    {
        decimal peak = 0, worst = 0;
        foreach (var value in values)
        {
            peak = Math.Max(peak, value);
            if (peak > 0)
            {
                worst = Math.Max(worst, (peak - value) / peak);
            }
        }
        return worst;
    }

    public static decimal AnnualisedVolatility(IReadOnlyList<double> dailyReturns)
    {
        if (dailyReturns.Count < 2)
        {
            return 0;
        }
        var mean = dailyReturns.Average();
        var variance = dailyReturns.Sum(r => (r - mean) * (r - mean)) / (dailyReturns.Count - 1);
        return (decimal)(Math.Sqrt(variance) * Math.Sqrt(252));
    }

    private static decimal CloseOn(SortedList<DateOnly, decimal> closes, DateOnly day)
    {
        var keys = closes.Keys;
        int low = 0, high = keys.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (keys[middle] <= day)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found >= 0 ? closes.Values[found] : 0m;
    }
}
