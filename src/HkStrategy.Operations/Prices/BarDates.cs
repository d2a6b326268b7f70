using System.Globalization;
using HkStrategy.Core.Calendar;

namespace HkStrategy.Operations.Prices;

/// <summary>
/// The days a daily bar may carry: none after today in Hong Kong (a bar from the future would become the position's
/// price), and none the HKEX calendar says the exchange was closed, unless <see cref="AllowClosedDays"/> (an exchange
/// that traded on a day the calendar calls a holiday, such as a typhoon day that was reopened).
/// </summary>
public sealed record BarDates(DateOnly TodayInHongKong, TradingCalendar Calendar, bool AllowClosedDays = false)
{
    public static BarDates For(TimeProvider clock, bool allowClosedDays = false) =>
        new(DateOnly.FromDateTime(MarketClock.HongKongTime(clock.GetUtcNow())), TradingCalendar.Hkex, allowClosedDays);

    public string? Problem(DateOnly day)
    {
        if (day > TodayInHongKong)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} is after today ({TodayInHongKong:yyyy-MM-dd} in Hong Kong)");
        }
        if (AllowClosedDays || Calendar.IsTradingDay(day))
        {
            return null;
        }
        var why = Calendar.HolidayName(day) is { } holiday ? holiday : day.DayOfWeek.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} is a day HKEX was closed ({why}); --allow-closed-days imports it if it did trade");
    }
}
