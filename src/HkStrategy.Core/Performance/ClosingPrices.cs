namespace HkStrategy.Core.Performance;

/// <summary>Daily closes of several symbols, each in date order, read as "the last close on or before a day".</summary>
public sealed class ClosingPrices
{
    private readonly Dictionary<string, (DateOnly[] Days, decimal[] Closes)> _series = new(StringComparer.Ordinal);

    /// <summary>
    /// A symbol's closes, in any order: the arrays are kept, put in date order in place (a read in the table's order
    /// needs no sort by the server).
    /// </summary>
    public void Add(string symbol, DateOnly[] days, decimal[] closes)
    {
        if (days.Length != closes.Length)
        {
            throw new ArgumentException("a close for every day", nameof(closes));
        }
        var (dayArray, closeArray) = (days, closes);
        for (var i = 1; i < dayArray.Length; i++)
        {
            if (dayArray[i - 1] > dayArray[i])
            {
                Array.Sort(dayArray, closeArray);
                break;
            }
        }
        _series[symbol] = (dayArray, closeArray);
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

    /// <summary>A reader of one symbol's closes, fastest when asked for days in order; none when the symbol has no closes.</summary>
    public Cursor? CursorOf(string symbol) => _series.TryGetValue(symbol, out var series) ? new Cursor(series.Days, series.Closes) : null;

    /// <summary>
    /// "The last close on or before a day" of one symbol, continuing from where the last question stopped when the day
    /// is not earlier than it (a replay asks day after day), else by binary search.
    /// </summary>
    public sealed class Cursor(DateOnly[] days, decimal[] closes)
    {
        private int _index = -1;

        public decimal? On(DateOnly day)
        {
            if (_index >= 0 && day < days[_index])
            {
                _index = Array.BinarySearch(days, day) is var found && found >= 0 ? found : ~found - 1;
            }
            else
            {
                while (_index + 1 < days.Length && days[_index + 1] <= day)
                {
                    _index++;
                }
            }
            return _index >= 0 ? closes[_index] : null;
        }
    }

    /// <summary>The last day with a close, of any symbol.</summary>
    public DateOnly? LastDay => _series.Values.Where(s => s.Days.Length > 0).Select(s => (DateOnly?)s.Days[^1]).Max();
}
