using System.Globalization;
using System.Text.RegularExpressions;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Symbols;

/// <summary>
/// An HKEX stock code as Yahoo Finance and the prototype write it: four digits (five from 10000) and <c>.HK</c>.
/// Input is forgiving (<c>700</c>, <c>700.hk</c>, <c>00700.HK</c>); what is stored is always <c>0700.HK</c>.
/// </summary>
public static partial class HkexSymbol
{
    /// <summary>
    /// Texts already normalised (a file of 100,000 rows names a few hundred symbols): only short ones (a symbol padded
    /// with spaces is normalised, not kept), a few thousand at most.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Normalised = new(StringComparer.Ordinal);

    private const int LongestKept = 16;
    private const int MostKept = 4096;
    private static int _kept;

    public static bool TryNormalize(string? input, out string symbol)
    {
        if (input is not null && Normalised.TryGetValue(input, out var known))
        {
            symbol = known;
            return true;
        }
        if (!TryNormalizeText(input, out symbol))
        {
            return false;
        }
        if (input!.Length <= LongestKept && Volatile.Read(ref _kept) < MostKept && Normalised.TryAdd(input, symbol))
        {
            Interlocked.Increment(ref _kept);
        }
        return true;
    }

    private static bool TryNormalizeText(string? input, out string symbol)
    {
        symbol = "";
        var match = input is null ? null : Pattern().Match(Input.InputValues.Narrow(input.Trim()));
        if (match is null || !match.Success)
        {
            return false;
        }
        var code = int.Parse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (code is < 1 or > 99999)
        {
            return false;
        }
        symbol = code.ToString(code < 10000 ? "D4" : "D5", CultureInfo.InvariantCulture) + ".HK";
        return true;
    }

    public static string Normalize(string? input) =>
        TryNormalize(input, out var symbol)
            ? symbol
            : throw HksException.Usage("InvalidSymbol", $"'{Text.TextRules.Escape(input ?? "")}' is not an HKEX symbol: use its stock code, such as 0700.HK or 700");

    [GeneratedRegex(@"^(?<code>[0-9]{1,5})(\.[Hh][Kk])?$")]
    private static partial Regex Pattern();
}
