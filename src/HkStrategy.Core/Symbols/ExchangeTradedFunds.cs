using System.Globalization;

namespace HkStrategy.Core.Symbols;

/// <summary>
/// HKEX's exchange traded funds and leveraged and inverse products, told by the stock code ranges HKEX allocates to
/// them (its stock code allocation plan): 2800–2849 and 3000–3199 (ETFs), 7200–7399 and 7500–7599 (leveraged and
/// inverse products), 9000–9199 and 9800–9849 (the ETFs' US dollar counters), 9200–9399 and 9500–9599 (the leveraged
/// and inverse products'), and the renminbi counters 82800–82849,
/// 83000–83199, 87200–87399 and 87500–87599. Their transfers pay no stamp duty (docs/costs.md).
/// </summary>
public static class ExchangeTradedFunds
{
    private static readonly (int First, int Last)[] Ranges =
    [
        (2800, 2849), (3000, 3199), (7200, 7399), (7500, 7599), (9000, 9199), (9200, 9399), (9500, 9599), (9800, 9849),
        (82800, 82849), (83000, 83199), (87200, 87399), (87500, 87599),
    ];

    /// <summary>Whether the HKEX symbol (as <see cref="HkexSymbol"/> stores it) is an ETF or a leveraged or inverse product.</summary>
    public static bool Is(string symbol) =>
        symbol.EndsWith(".HK", StringComparison.Ordinal)
        && int.TryParse(symbol.AsSpan(0, symbol.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
        && Array.Exists(Ranges, r => code >= r.First && code <= r.Last);
}
