using System.Globalization;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Input;

/// <summary>Numbers and dates typed by people, checked with one clear line each (exit code 2) before any work.</summary>
public static class InputValues
{
    public static int? Quantity(string? text) =>
        text is null ? null
        : int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
            ? quantity
            : throw HksException.Usage("InvalidQuantity", $"quantity '{text}' is not a whole number of shares (0 or more)");

    /// <summary>A price or cost: not negative, at most three decimals (HKEX's finest tick), below 10,000,000.</summary>
    public static decimal? Price(string what, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
        {
            throw HksException.Usage("InvalidPrice", $"{what} '{text}' is not a price (a number such as 320.5, not negative)");
        }
        if (price != Math.Round(price, 3))
        {
            throw HksException.Usage("InvalidPrice", $"{what} '{text}' has more than three decimals");
        }
        return price < 10_000_000m ? price : throw HksException.Usage("InvalidPrice", $"{what} '{text}' is too large");
    }

    /// <summary>A range such as <c>300-320.5</c>.</summary>
    public static (decimal Low, decimal High)? Range(string what, string? text)
    {
        if (text is null)
        {
            return null;
        }
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw HksException.Usage("InvalidRange", $"{what} '{text}' is not a range such as 300-320.5");
        }
        var (low, high) = (Price(what, parts[0])!.Value, Price(what, parts[1])!.Value);
        return low <= high ? (low, high) : throw HksException.Usage("InvalidRange", $"{what} '{text}' runs from high to low: give the low first");
    }

    public static DateOnly? Date(string what, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw HksException.Usage("InvalidDate", $"{what} '{text}' is not a date (use YYYY-MM-DD)");

    public static string? Text(string what, string? text, int maximum) =>
        text is null ? null
        : text.Trim().Length <= maximum ? text.Trim()
        : throw HksException.Usage("TextTooLong", $"{what} must have at most {maximum} characters");
}
