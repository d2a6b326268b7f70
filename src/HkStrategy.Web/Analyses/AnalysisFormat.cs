using System.Globalization;

namespace HkStrategy.Web.Analyses;

/// <summary>How analysis figures read: stored as fractions (0.0523), shown as percentages (5.23%) and differences as points.</summary>
public static class AnalysisFormat
{
    /// <summary>A drawdown stored as a positive fraction reads as a fall: -5.23%.</summary>
    public static string Drawdown(decimal? fraction) => Shared.Format.Ratio(-fraction);

    /// <summary>Volatility has no direction: 18.40%.</summary>
    public static string Percent(decimal? fraction) => fraction is { } f ? (f * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Points(decimal? fraction) => fraction is { } f ? (f * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " pts" : "–";

    public static string SignedCount(int value) => value.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    public static string Amount(decimal? value) => value is { } v ? "HK$" + Shared.Format.Money(v) : "–";

    public static string Period(DateOnly from, DateOnly to) => $"{Shared.Format.Day(from)} – {Shared.Format.Day(to)}";
}
