using System.Globalization;

namespace HkStrategy.Core.Calendar;

/// <summary>
/// HKEX trading days: weekdays that are not Hong Kong general holidays. The holidays are data
/// (<c>hkex-holidays.txt</c>, 2021–2027); outside those years only weekends are known, and <see cref="Covers"/> says so.
/// </summary>
public sealed class TradingCalendar
{
    private readonly Dictionary<DateOnly, string> _holidays;

    public TradingCalendar(IReadOnlyDictionary<DateOnly, string> holidays)
    {
        _holidays = new Dictionary<DateOnly, string>(holidays);
        FirstYear = _holidays.Count == 0 ? 0 : _holidays.Keys.Min().Year;
        LastYear = _holidays.Count == 0 ? 0 : _holidays.Keys.Max().Year;
    }

    public static TradingCalendar Hkex { get; } = new(LoadEmbedded());

    public int FirstYear { get; }

    public int LastYear { get; }

    public bool Covers(DateOnly day) => day.Year >= FirstYear && day.Year <= LastYear;

    public string? HolidayName(DateOnly day) => _holidays.GetValueOrDefault(day);

    public bool IsTradingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.ContainsKey(day);

    /// <summary>The last trading day on or before <paramref name="day"/>.</summary>
    public DateOnly OnOrBefore(DateOnly day)
    {
        while (!IsTradingDay(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    /// <summary>The last trading day strictly before <paramref name="day"/>.</summary>
    public DateOnly Before(DateOnly day) => OnOrBefore(day.AddDays(-1));

    /// <summary>The first trading day strictly after <paramref name="day"/>.</summary>
    public DateOnly After(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsTradingDay(day));
        return day;
    }

    /// <summary>
    /// When a trade of the day settles in CCASS: two trading days after it (T+2). A day that is not a trading day has
    /// no trades: it is refused, not moved.
    /// </summary>
    public DateOnly SettlementDay(DateOnly tradeDate) =>
        IsTradingDay(tradeDate)
            ? After(After(tradeDate))
            : throw Failures.HksException.Usage("NotATradingDay",
                $"{tradeDate:yyyy-MM-dd} is not an HKEX trading day ({HolidayName(tradeDate) ?? tradeDate.DayOfWeek.ToString()}): no trade settles from it");

    /// <summary>Trading days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IEnumerable<DateOnly> Between(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (IsTradingDay(day))
            {
                yield return day;
            }
        }
    }

    /// <summary>The <paramref name="count"/> trading days ending on or before <paramref name="last"/>, oldest first.</summary>
    public IReadOnlyList<DateOnly> Ending(DateOnly last, int count)
    {
        var days = new List<DateOnly>(count);
        for (var day = OnOrBefore(last); days.Count < count; day = Before(day))
        {
            days.Add(day);
        }
        days.Reverse();
        return days;
    }

    private static Dictionary<DateOnly, string> LoadEmbedded()
    {
        using var stream = typeof(TradingCalendar).Assembly.GetManifestResourceStream("HkStrategy.Core.Calendar.hkex-holidays.txt")
            ?? throw new InvalidOperationException("the HKEX holiday list is not embedded");
        using var reader = new StreamReader(stream);
        var holidays = new Dictionary<DateOnly, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            holidays.Add(DateOnly.ParseExact(line[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), line[11..]);
        }
        return holidays;
    }
}
