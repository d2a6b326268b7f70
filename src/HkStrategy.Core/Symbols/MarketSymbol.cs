using HkStrategy.Core.Failures;
using HkStrategy.Core.Text;

namespace HkStrategy.Core.Symbols;

/// <summary>
/// A series whose daily closes hks keeps: an HKEX stock (<see cref="HkexSymbol"/>), an index a portfolio is compared
/// with (<c>^HSI</c>, the Hang Seng Index; <c>^HSCE</c>, its China Enterprises index) or an exchange rate in HK$
/// (<c>CNYHKD=X</c>, <c>USDHKD=X</c>), as Yahoo Finance names them.
/// </summary>
public static class MarketSymbol
{
    private static readonly string[] Series = ["^HSI", "^HSCE", "CNYHKD=X", "USDHKD=X"];

    public static IReadOnlyList<string> Indexes => Series[..2];

    public static bool TryNormalize(string? input, out string symbol)
    {
        if (HkexSymbol.TryNormalize(input, out symbol))
        {
            return true;
        }
        var series = Series.FirstOrDefault(s => string.Equals(s, input?.Trim(), StringComparison.OrdinalIgnoreCase));
        symbol = series ?? "";
        return series is not null;
    }

    public static string Normalize(string? input) =>
        TryNormalize(input, out var symbol)
            ? symbol
            : throw HksException.Usage("InvalidSymbol",
                $"'{TextRules.Escape(input ?? "")}' is not an HKEX symbol (0700.HK or 700), an index ({string.Join(", ", Series[..2])}) or a rate ({string.Join(", ", Series[2..])})");
}
