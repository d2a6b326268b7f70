using System.Globalization;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Symbols;
using HkStrategy.Core.Text;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>
/// Values as other programs write them in their files, each read one way or refused with a one-line reason. A date
/// is <c>YYYY-MM-DD</c> or an instant (<c>2024-06-02T16:00:00.000Z</c>), which is read as the day it was in Hong
/// Kong: the midnight of any time zone from UTC−8 to UTC+8 falls on the same Hong Kong day.
/// </summary>
public static class FileValues
{
    public static DateOnly Date(string text)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        if (trimmed.Length > 10 && trimmed[10] == 'T'
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && (trimmed.EndsWith('Z') || trimmed.Length > 19 && trimmed[^6] is '+' or '-'))
        {
            return DateOnly.FromDateTime(MarketClock.HongKongTime(instant));
        }
        throw Bad($"'{Shown(text)}' is not a date (YYYY-MM-DD, or an instant with its zone such as 2024-06-02T16:00:00.000Z)");
    }

    /// <summary>A plain number with a point for decimals (no thousands separators, no exponent); empty is none.</summary>
    public static decimal? Number(string what, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }
        return decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
               && Math.Abs(value) < 1_000_000_000_000m
            ? value
            : throw Bad($"{what} '{Shown(text)}' is not a number (digits with a point for decimals)");
    }

    /// <summary>Shares: a whole number, not negative (a file's 10.0 is 10; 10.5 is refused: HKEX shares are whole).</summary>
    public static int? Shares(string what, string text)
    {
        var value = Number(what, text);
        if (value is null)
        {
            return null;
        }
        return value >= 0m && value == decimal.Truncate(value.Value) && value <= int.MaxValue
            ? (int)value.Value
            : throw Bad($"{what} '{Shown(text)}' is not a whole number of shares");
    }

    /// <summary>A price: not negative, at most three decimals once trailing zeros go.</summary>
    public static decimal? Price(string what, string text) => Scaled(what, text, 3, 10_000_000m);

    /// <summary>Money: not negative, in cents.</summary>
    public static decimal? Money(string what, string text) => Scaled(what, text, 2, 100_000_000_000_000m);

    private static decimal? Scaled(string what, string text, int decimals, decimal limit)
    {
        var value = Number(what, text);
        if (value is null)
        {
            return null;
        }
        var normal = value.Value / 1.000000000000000000000000000000000m;
        return normal >= 0m && normal == Math.Round(normal, decimals) && normal < limit
            ? normal
            : throw Bad($"{what} '{Shown(text)}' is not {(decimals == 2 ? "an amount in cents" : "a price with at most three decimals")}, 0 or more");
    }

    /// <summary>An HKEX symbol, or none for a cash row (<c>$CASH-HKD</c>, empty); anything else is refused: hks keeps HKEX shares.</summary>
    public static string? Symbol(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith("$CASH-", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return HkexSymbol.TryNormalize(trimmed, out var symbol) ? symbol : throw Bad($"'{Shown(text)}' is not an HKEX symbol: hks keeps shares listed in Hong Kong");
    }

    public static string Shown(string text) => TextRules.Escape(text.Length <= 40 ? text : text[..40] + "…");

    public static HksException Bad(string message) => HksException.Usage("BadRow", message);
}
