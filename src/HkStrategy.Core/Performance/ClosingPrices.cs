namespace HkStrategy.Core.Performance;

/// <summary>Daily closes of several symbols, each in date order, read as "the last close on or before a day".</summary>
public sealed class ClosingPrices
{
    private readonly Dictionary<string, (DateOnly[] Days, decimal[] Closes)> _series = new(StringComparer.Ordinal);

    public void Add(string symbol, IReadOnlyList<DateOnly> days, IReadOnlyList<decimal> closes)
    {
        if (days.Count != closes.Count)
        {
            throw new ArgumentException("a close for every day", nameof(closes));
        }
        _series[symbol] = ([.. days], [.. closes]);
    }

    public bool Has(string symbol) => _series.TryGetValue(symbol, out var s) && s.Days.Length > 0;

    /// <summary>The close of the day, or of the last day before it with one; none before the first.</summary>
    public decimal? On(string symbol, DateOnly day)
    {
        if (!_series.TryGetValue(symbol, out var series))
        {
            return null;
        }
        var index = Array.BinarySearch(series.Days, day);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return index >= 0 ? series.Closes[index] : null;
    }

    /// <summary>The last day with a close, of any symbol.</summary>
    public DateOnly? LastDay => _series.Values.Where(s => s.Days.Length > 0).Select(s => (DateOnly?)s.Days[^1]).Max();
}
