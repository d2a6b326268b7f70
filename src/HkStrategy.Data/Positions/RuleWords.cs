using HkStrategy.Core.Signals;

namespace HkStrategy.Data.Positions;

/// <summary>A position's rules in short words, the same on the command line and on the dashboard.</summary>
public static class RuleWords
{
    /// <param name="price">How the door writes a price.</param>
    public static IReadOnlyList<string> For(Position p, Func<decimal, string> price)
    {
        var words = new List<string>();
        if (p.TargetSell is { } target)
        {
            words.Add($"target {price(target)}");
        }
        if (p.TrimMin is { } trim)
        {
            words.Add($"trim ≥ {price(trim)}");
        }
        if (p.StopLoss is { } stop)
        {
            words.Add($"stop {price(stop)}");
        }
        if (p.TacticalStop is { } tactical)
        {
            words.Add($"tactical stop {price(tactical)}");
        }
        if (p.AddZoneLow is { } low && p.AddZoneHigh is { } high)
        {
            words.Add($"add {price(low)}–{price(high)}");
        }
        words.AddRange(p.BuyOnly.Select(gate => $"buy only {gate}"));
        return words;
    }
}
