using System.Globalization;
using System.Text.RegularExpressions;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Text;

namespace HkStrategy.Core.Input;

/// <summary>
/// Numbers and dates typed by people, checked with one clear line each (exit code 2) before any work. A number means
/// one thing or is refused: a comma only separates thousands in groups of three (<c>1,000</c>, <c>12,345.67</c>), never
/// decimals (<c>1,5</c> is refused, not read as 15); full-width digits (<c>７００</c>) are read as the digits they are.
/// </summary>
public static partial class InputValues
{
    public static int? Quantity(string? text) =>
        text is null ? null
        : int.TryParse(PlainNumber("quantity", text, "InvalidQuantity"), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
            ? quantity
            : throw HksException.Usage("InvalidQuantity", $"quantity '{Shown(text)}' is not a whole number of shares (0 or more)");

    /// <summary>Full-width digits, point, comma and minus (as East Asian input methods type them) as their ASCII forms.</summary>
    public static string Narrow(string text)
    {
        if (!text.Any(c => c is >= '\uFF0C' and <= '\uFF19'))
        {
            return text;
        }
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\uFF10' and <= '\uFF19' or '\uFF0C' or '\uFF0D' or '\uFF0E' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    /// <summary>The number without its thousands separators, or a refusal naming the field when a comma could mean something else.</summary>
    private static string PlainNumber(string what, string text, string name)
    {
        var narrow = Narrow(text.Trim());
        if (!narrow.Contains(',', StringComparison.Ordinal))
        {
            return narrow;
        }
        return ThousandsGroups().IsMatch(narrow)
            ? narrow.Replace(",", "", StringComparison.Ordinal)
            : throw HksException.Usage(name, $"{what} '{Shown(text)}': a comma separates thousands only (1,000 or 12,345.67); write decimals with a point");
    }

    /// <summary>The input as typed, with control characters shown as escapes so that it cannot act on a terminal.</summary>
    private static string Shown(string text) => TextRules.Escape(text.Length <= 40 ? text : text[..40] + "…");

    [GeneratedRegex(@"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")]
    private static partial Regex ThousandsGroups();

    /// <summary>A price or cost: not negative, at most three decimals (HKEX's finest tick), below 10,000,000.</summary>
    public static decimal? Price(string what, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!decimal.TryParse(PlainNumber(what, text, "InvalidPrice"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
        {
            throw HksException.Usage("InvalidPrice", $"{what} '{Shown(text)}' is not a price (a number such as 320.5, not negative)");
        }
        if (price != Math.Round(price, 3))
        {
            throw HksException.Usage("InvalidPrice", $"{what} '{Shown(text)}' has more than three decimals");
        }
        return price < 10_000_000m ? price : throw HksException.Usage("InvalidPrice", $"{what} '{Shown(text)}' is too large");
    }

    /// <summary>An amount of money (HK$): not negative, at most three decimals (a quantity × a three-decimal price), below 10^12.</summary>
    public static decimal? Amount(string what, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!decimal.TryParse(PlainNumber(what, text, "InvalidAmount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw HksException.Usage("InvalidAmount", $"{what} '{Shown(text)}' is not an amount (a number such as 100,000 or 1234.5, not negative)");
        }
        if (amount != Math.Round(amount, 3))
        {
            throw HksException.Usage("InvalidAmount", $"{what} '{Shown(text)}' has more than three decimals");
        }
        return amount < 1_000_000_000_000m ? amount : throw HksException.Usage("InvalidAmount", $"{what} '{Shown(text)}' is too large");
    }

    /// <summary>
    /// A rate typed as a percentage with its sign (<c>0.03%</c>), returned as a fraction (0.0003). Without the sign
    /// <c>0.03</c> could mean 0.03% or 3%: it is refused, not guessed.
    /// </summary>
    public static decimal? Percent(string what, string? text)
    {
        if (text is null)
        {
            return null;
        }
        var narrow = Narrow(text.Trim()).Replace('\uFF05', '%');
        if (!narrow.EndsWith('%'))
        {
            throw HksException.Usage("PercentSignMissing", $"{what} '{Shown(text)}': write the rate with its percent sign (0.03% or 3%), so it cannot be read two ways");
        }
        if (!decimal.TryParse(narrow[..^1].TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent >= 100m)
        {
            throw HksException.Usage("InvalidPercent", $"{what} '{Shown(text)}' is not a percentage from 0% to below 100%");
        }
        return percent / 100m;
    }

    /// <summary>A range such as <c>300-320.5</c>.</summary>
    public static (decimal Low, decimal High)? Range(string what, string? text)
    {
        if (text is null)
        {
            return null;
        }
        var parts = Narrow(text).Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw HksException.Usage("InvalidRange", $"{what} '{Shown(text)}' is not a range such as 300-320.5");
        }
        var (low, high) = (Price(what, parts[0])!.Value, Price(what, parts[1])!.Value);
        return low <= high ? (low, high) : throw HksException.Usage("InvalidRange", $"{what} '{text}' runs from high to low: give the low first");
    }

    public static DateOnly? Date(string what, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(Narrow(text.Trim()), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw HksException.Usage("InvalidDate", $"{what} '{Shown(text)}' is not a date (use YYYY-MM-DD)");

    /// <summary>A name or description: trimmed, at most <paramref name="maximum"/> characters, no control characters (they could act on a terminal or hide text).</summary>
    public static string? Text(string what, string? text, int maximum) =>
        text is null ? null
        : text.Trim().Length > maximum ? throw HksException.Usage("TextTooLong", $"{what} must have at most {maximum} characters")
        : TextRules.HasControlCharacters(text.Trim()) ? throw HksException.Usage("ControlCharacters", $"{what} '{Shown(text.Trim())}' holds control characters (such as ESC or a line break): type plain text")
        : text.Trim();
}
