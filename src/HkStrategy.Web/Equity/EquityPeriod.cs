using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Input;

namespace HkStrategy.Web.Equity;

/// <summary>
/// The days an equity chart shows, as asked: either end may be left out. Without an end the chart ends on the newest
/// bar; without a start it begins a year before its end, so the default is the last 12 months of bars (or all there are).
/// </summary>
public sealed record EquityPeriod(DateOnly? From, DateOnly? To)
{
    public static EquityPeriod Latest { get; } = new(null, null);

    /// <summary>One end as typed (YYYY-MM-DD); blank means not given, as an empty form field sends it.</summary>
    public static DateOnly? Day(string field, string? text) => InputValues.Date(field, string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    public static EquityPeriod Of(DateOnly? from, DateOnly? to) =>
        from is { } first && to is { } last && first > last
            ? throw HksException.Usage("PeriodReversed", string.Create(CultureInfo.InvariantCulture,
                $"from {first:yyyy-MM-dd} is after to {last:yyyy-MM-dd}: give the earlier day first"))
            : new EquityPeriod(from, to);

    /// <summary>Both ends, given a symbol's newest bar (a start after it gives an empty period, not a reversed one).</summary>
    public (DateOnly From, DateOnly To) Resolve(DateOnly newestBar)
    {
        var to = To ?? (From is { } from && from > newestBar ? from : newestBar);
        return (From ?? to.AddYears(-1).AddDays(1), to);
    }
}
