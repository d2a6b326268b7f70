using System.Globalization;
using System.Text.RegularExpressions;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Signals;

/// <summary>A TXYZN code: side (B buy, S sell, H hold), a three-letter strategy and a strength from 1 to 9.</summary>
public sealed partial record SignalCode(char Side, string Strategy, int Strength)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Side}{Strategy}{Strength}");

    /// <summary>The side and strategy without the strength (<c>BBRK</c>): the catalog's key.</summary>
    public string CatalogKey => $"{Side}{Strategy}";

    public string SideName => Side switch { 'B' => "buy", 'S' => "sell", _ => "hold" };

    public static SignalCode Parse(string text)
    {
        var match = Pattern().Match(text ?? "");
        return match.Success
            ? new SignalCode(match.Groups["side"].Value[0], match.Groups["strategy"].Value, match.Groups["strength"].Value[0] - '0')
            : throw HksException.Usage("InvalidSignalCode", $"'{text}' is not a TXYZN signal code (side B/S/H, three letters, strength 1–9, such as BBRK9)");
    }

    [GeneratedRegex("^(?<side>[BSH])(?<strategy>[A-Z]{3})(?<strength>[1-9])$")]
    private static partial Regex Pattern();
}
