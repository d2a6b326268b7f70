using HkStrategy.Core.Calendar;

namespace HkStrategy.Core.Tests.Calendar;

public sealed class TradingCalendarTests
{
    private static readonly TradingCalendar Hkex = TradingCalendar.Hkex;

    [Theory]
    [InlineData("2025-01-29")] // Lunar New Year's Day
    [InlineData("2025-04-18")] // Good Friday
    [InlineData("2026-04-07")] // the day following Easter Monday (Ching Ming fell on a Sunday)
    [InlineData("2027-12-27")] // the first weekday after Christmas Day (a Saturday)
    [InlineData("2022-09-12")] // the second day following the Mid-Autumn Festival (a Saturday, the day after a Sunday)
    [InlineData("2023-01-02")] // the day following the first day of January (a Sunday)
    [InlineData("2026-11-28")] // a Saturday
    public void Holidays_AndWeekends_AreNotTradingDays(string day) => Assert.False(Hkex.IsTradingDay(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2025-01-28")] // Lunar New Year's Eve: a half day, still trading
    [InlineData("2026-11-25")]
    [InlineData("2024-12-24")]
    public void OrdinaryWeekdays_AndHalfDays_AreTradingDays(string day) => Assert.True(Hkex.IsTradingDay(DateOnly.Parse(day)));

    [Fact]
    public void Before_SkipsTheLunarNewYearClosure() =>
        Assert.Equal(new DateOnly(2025, 1, 28), Hkex.Before(new DateOnly(2025, 2, 3)));

    [Fact]
    public void Ending_CountsOnlyTradingDays_OldestFirst() =>
        Assert.Equal(
            [new DateOnly(2025, 4, 16), new DateOnly(2025, 4, 17), new DateOnly(2025, 4, 22)],
            Hkex.Ending(new DateOnly(2025, 4, 22), 3));

    [Fact]
    public void EveryYearFrom2021_TheFirstOfTheCostSchedule_To2027_HasItsHolidays()
    {
        Assert.Equal((2021, 2027), (Hkex.FirstYear, Hkex.LastYear));
        Assert.True(Hkex.Covers(HkStrategy.Core.Costs.CostSchedule.HongKong.First));
        foreach (var year in Enumerable.Range(2021, 7))
        {
            var closures = Enumerable.Range(0, 365).Select(d => new DateOnly(year, 1, 1).AddDays(d)).Count(d => Hkex.HolidayName(d) is not null);
            Assert.InRange(closures, 12, 17);
        }
    }

    [Theory]
    [InlineData("2024-06-03", "2024-06-05")] // Monday: Wednesday
    [InlineData("2024-06-07", "2024-06-12")] // Friday, with the Tuen Ng Festival on the Monday between
    [InlineData("2024-12-23", "2024-12-27")] // across Christmas Day and the day after
    [InlineData("2023-01-20", "2023-01-27")] // Friday before the Lunar New Year closure of 2023 (Monday to Wednesday)
    [InlineData("2021-04-01", "2021-04-08")] // across Good Friday and the days following Ching Ming and Easter Monday
    [InlineData("2022-12-23", "2022-12-29")] // across the two weekdays after a Sunday Christmas
    public void ATradeSettles_TwoTradingDaysLater(string trade, string settles)
    {
        Assert.Equal(DateOnly.Parse(settles, System.Globalization.CultureInfo.InvariantCulture),
            TradingCalendar.Hkex.SettlementDay(DateOnly.Parse(trade, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ADayWithoutTrading_HasNoSettlementDay()
    {
        var error = Assert.Throws<HkStrategy.Core.Failures.HksException>(() => TradingCalendar.Hkex.SettlementDay(new DateOnly(2024, 6, 10)));

        Assert.Contains("Tuen Ng Festival", error.Message, StringComparison.Ordinal);
    }
}
