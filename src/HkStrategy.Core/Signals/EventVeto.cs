using HkStrategy.Core.Calendar;

namespace HkStrategy.Core.Signals;

/// <summary>An event of a symbol (results, dividend, meeting) that vetoes new buy signals just before it.</summary>
public sealed record SymbolEvent(DateOnly Date, string Description);

public static class EventVeto
{
    /// <summary>
    /// The event that vetoes a buy on <paramref name="day"/>: one on that day or within the next
    /// <paramref name="tradingDaysBefore"/> trading days. Null when none does.
    /// </summary>
    public static string? For(DateOnly day, IEnumerable<SymbolEvent> events, TradingCalendar calendar, int tradingDaysBefore)
    {
        var horizon = day;
        for (var k = 0; k < tradingDaysBefore; k++)
        {
            horizon = calendar.After(horizon);
        }
        return events.Where(e => e.Date >= day && e.Date <= horizon).OrderBy(e => e.Date)
            .Select(e => $"{e.Description} on {e.Date:yyyy-MM-dd}").FirstOrDefault();
    }
}
