namespace HkStrategy.Core.Prices;

/// <summary>Monday-to-Friday dates; the HKEX holiday calendar refines this where trading days matter.</summary>
public static class Weekdays
{
    public static IReadOnlyList<DateOnly> EndingOnOrBefore(DateOnly last, int count)
    {
        var days = new List<DateOnly>(count);
        for (var day = last; days.Count < count; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(day);
            }
        }
        days.Reverse();
        return days;
    }
}
