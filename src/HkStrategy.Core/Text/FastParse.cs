using System.Globalization;

namespace HkStrategy.Core.Text;

/// <summary>
/// Parsing of the plain forms that price files are made of (<c>2026-11-24</c>, <c>612.5</c>, <c>15000000</c>) without
/// the general parsers' cost; anything else (exponents, signs, other date layouts) falls back to them, so the results
/// are the same as <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/> and
/// <see cref="DateOnly.TryParseExact(ReadOnlySpan{char}, string[], IFormatProvider, DateTimeStyles, out DateOnly)"/>.
/// </summary>
public static class FastParse
{
    public static bool TryDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        ulong digits = 0;
        var count = 0;
        var scale = -1;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                if (++count > 18)
                {
                    return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
                }
                digits = digits * 10 + (ulong)(c - '0');
                scale += scale >= 0 ? 1 : 0;
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            }
        }
        if (count == 0)
        {
            value = 0;
            return false;
        }
        value = new decimal((int)(uint)digits, (int)(uint)(digits >> 32), 0, isNegative: false, (byte)Math.Max(scale, 0));
        return true;
    }

    public static bool TryIsoDate(ReadOnlySpan<char> text, string[] otherFormats, out DateOnly day)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && TryDigits(text[..4], out var year) && TryDigits(text[5..7], out var month) && TryDigits(text[8..], out var date)
            && year >= 1 && month is >= 1 and <= 12 && date >= 1 && date <= DateTime.DaysInMonth(year, month))
        {
            day = new DateOnly(year, month, date);
            return true;
        }
        return DateOnly.TryParseExact(text, otherFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
