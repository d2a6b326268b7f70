namespace HkStrategy.Core.Performance;

/// <summary>
/// Daily closes of several symbols, each in date order, read as "the last close on or before a day". A symbol whose
/// closes all have three decimals or fewer (every close PostgreSQL keeps: NUMERIC(12,3)) also has them as whole
/// thousandths of a dollar, so that a replay values its holdings in whole numbers (<see cref="Cursor.ThousandthsOn"/>).
/// </summary>
public sealed class ClosingPrices
{
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);

    /// <summary>A symbol's closes: as decimals, as whole thousandths, or both (the decimals of thousandths are made when asked for).</summary>
    internal sealed record Series(DateOnly[] Days, decimal[]? Closes, long[]? Thousandths)
    {
        public decimal Close(int index) => Closes?[index] ?? Text.ScaledIntegers.ToDecimal(Thousandths![index], 3);
    }

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
        var thousandths = new long[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            if (!WholeThousandths(closes[i], out thousandths[i]))
            {
                thousandths = null;
                break;
            }
        }
        Keep(symbol, days, closes, thousandths);
    }

    /// <summary>
    /// A symbol's closes as whole thousandths of a dollar (as the packed series keeps them), in any order: kept as they
    /// are, their decimals made only for the days asked for.
    /// </summary>
    public void AddThousandths(string symbol, DateOnly[] days, long[] thousandths)
    {
        if (days.Length != thousandths.Length)
        {
            throw new ArgumentException("a close for every day", nameof(thousandths));
        }
        if (thousandths.All(t => Math.Abs(t) <= LargestThousandths))
        {
            Keep(symbol, days, null, thousandths);
            return;
        }
        Keep(symbol, days, [.. thousandths.Select(t => Text.ScaledIntegers.ToDecimal(t, 3))], null);
    }

    private void Keep(string symbol, DateOnly[] days, decimal[]? closes, long[]? thousandths)
    {
        for (var i = 1; i < days.Length; i++)
        {
            if (days[i - 1] > days[i])
            {
                if (closes is null)
                {
                    Array.Sort(days, thousandths);
                    break;
                }
                Array.Sort(days, closes);
                if (thousandths is not null)
                {
                    // The thousandths are the closes' own: taken again from the closes in their new order.
                    for (var k = 0; k < closes.Length; k++)
                    {
                        WholeThousandths(closes[k], out thousandths[k]);
                    }
                }
                break;
            }
        }
        _series[symbol] = new Series(days, closes, thousandths);
    }

    /// <summary>The largest close kept in thousandths: times any share count it stays within a 64-bit whole number.</summary>
    private const long LargestThousandths = int.MaxValue;

    private static bool WholeThousandths(decimal close, out long thousandths)
    {
        var scaled = close * 1000m;
        if (scaled == decimal.Truncate(scaled) && Math.Abs(scaled) <= LargestThousandths)
        {
            thousandths = (long)scaled;
            return true;
        }
        thousandths = 0;
        return false;
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
        return index >= 0 ? series.Close(index) : null;
    }

    /// <summary>A reader of one symbol's closes, fastest when asked for days in order; none when the symbol has no closes.</summary>
    public Cursor? CursorOf(string symbol) =>
        _series.TryGetValue(symbol, out var series) ? new Cursor(series) : null;

    /// <summary>
    /// "The last close on or before a day" of one symbol, continuing from where the last question stopped when the day
    /// is not earlier than it (a replay asks day after day), else by binary search.
    /// </summary>
    public sealed class Cursor
    {
        private readonly Series _series;
        private readonly DateOnly[] _days;
        private int _index = -1;

        internal Cursor(Series series) => (_series, _days) = (series, series.Days);

        public decimal? On(DateOnly day) => Seek(day) ? _series.Close(_index) : null;

        /// <summary>
        /// The same close in whole thousandths of a dollar, at most <see cref="int.MaxValue"/> (HK$2,147,483.647);
        /// none before the first close, or when the symbol has a close that is not whole thousandths or is larger.
        /// </summary>
        public long? ThousandthsOn(DateOnly day) => _series.Thousandths is { } thousandths && Seek(day) ? thousandths[_index] : null;

        private bool Seek(DateOnly day)
        {
            var days = _days;
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
            return _index >= 0;
        }
    }

    /// <summary>The last day with a close, of any symbol.</summary>
    public DateOnly? LastDay => _series.Values.Where(s => s.Days.Length > 0).Select(s => (DateOnly?)s.Days[^1]).Max();
}
