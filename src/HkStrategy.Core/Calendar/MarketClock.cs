namespace HkStrategy.Core.Calendar;

/// <summary>Hong Kong time and the last trading day whose closing prices exist (HKEX closes at 16:10 after its auction).</summary>
public static class MarketClock
{
    private static readonly TimeSpan HongKong = TimeSpan.FromHours(8); // no daylight saving since 1979

    public static readonly TimeOnly Close = new(16, 10);

    public static DateTime HongKongTime(DateTimeOffset now) => now.ToOffset(HongKong).DateTime;

    /// <summary>The newest trading day that has finished: today after the close, else the trading day before.</summary>
    public static DateOnly LastClosedTradingDay(DateTimeOffset now, TradingCalendar calendar)
    {
        var local = HongKongTime(now);
        var today = DateOnly.FromDateTime(local);
        return calendar.IsTradingDay(today) && TimeOnly.FromDateTime(local) >= Close ? today : calendar.Before(today);
    }
}
