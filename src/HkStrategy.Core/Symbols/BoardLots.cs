namespace HkStrategy.Core.Symbols;

/// <summary>
/// The board lot (shares per trading unit) of well-known counters, to warn of an odd lot: HKEX trades odd lots on a
/// separate, thinner market, usually below the board-lot price. Board lots change (a company may alter its lot): an
/// unknown counter gets no warning rather than a wrong one.
/// </summary>
public static class BoardLots
{
    private static readonly Dictionary<string, int> Lots = new(StringComparer.Ordinal)
    {
        ["0005.HK"] = 400, ["0388.HK"] = 100, ["0700.HK"] = 100, ["0857.HK"] = 2000, ["0883.HK"] = 1000, ["0939.HK"] = 1000,
        ["0941.HK"] = 500, ["1299.HK"] = 200, ["1398.HK"] = 1000, ["1810.HK"] = 200, ["2318.HK"] = 500, ["2800.HK"] = 500,
        ["3690.HK"] = 100, ["3988.HK"] = 1000, ["9618.HK"] = 50, ["9888.HK"] = 50, ["9988.HK"] = 100,
    };

    public static int? Find(string symbol) => Lots.TryGetValue(symbol, out var lot) ? lot : null;
}
