namespace HkStrategy.Core.Calendar;

/// <summary>Hong Kong time and the last trading day whose closing prices exist (HKEX closes at 16:10 after its auction).</summary>
public static class MarketClock
{
    private static readonly TimeSpan HongKong = TimeSpan.FromHours(8); // no daylight saving since 1979

    public static readonly TimeOnly Close = new(16, 10);

    public static DateTime HongKongTime(DateTimeOffset now) => now.ToOffset(HongKong).DateTime;

    /// <summary>The instant a Hong Kong day begins, in UTC (16:00 the day before).</summary>
    public static DateTime HongKongMidnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), HongKong).UtcDateTime;

    /// <summary>The newest trading day that has finished: today after the close, else the trading day before.</summary>
    public static DateOnly LastClosedTradingDay(DateTimeOffset now, TradingCalendar calendar)
    {
        var local = HongKongTime(now);
        var today = DateOnly.FromDateTime(local);
        return calendar.IsTradingDay(today) && TimeOnly.FromDateTime(local) >= Close ? today : calendar.Before(today);
    }
}
