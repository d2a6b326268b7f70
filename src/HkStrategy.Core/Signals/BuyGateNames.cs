using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Signals;

/// <summary>The names of the buy gates as typed, stored (position_rules.buy_only) and exported.</summary>
public static class BuyGateNames
{
    public const string InAddZone = "in-add-zone";
    public const string AboveEma20 = "above-ema20";
    public const string NearEmaCluster = "near-ema-cluster";

    public static IReadOnlyList<(string Name, BuyGates Gate, string Meaning)> All { get; } =
    [
        (InAddZone, BuyGates.InAddZone, "oversold-reversal buys only inside the add zone"),
        (AboveEma20, BuyGates.AboveEma20, "breakout and oversold-reversal buys only at or above EMA20"),
        (NearEmaCluster, BuyGates.NearEmaCluster, "oversold-reversal buys only near the EMA20/EMA50 cluster"),
    ];

    /// <summary>The gates named; an unknown name is refused, naming the field and the names it takes.</summary>
    public static BuyGates Parse(string field, IEnumerable<string?> names)
    {
        var gates = BuyGates.None;
        foreach (var name in names)
        {
            var known = All.FirstOrDefault(g => g.Name == name?.Trim());
            if (known.Name is null)
            {
                throw HksException.Usage("UnknownRule", $"{field} takes {string.Join(", ", All.Select(g => g.Name))}, not '{Text.TextRules.Escape(name ?? "")}'");
            }
            gates |= known.Gate;
        }
        return gates;
    }

    public static string[] Names(BuyGates gates) => [.. All.Where(g => gates.HasFlag(g.Gate)).Select(g => g.Name)];
}
