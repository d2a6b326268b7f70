namespace HkStrategy.Core.Signals;

/// <summary>One condition of a rule: what it asked, in words, and whether it held.</summary>
public sealed record RuleCheck(string Condition, bool Held);

/// <summary>Why a strategy did or did not fire: each of its conditions, checked.</summary>
public sealed record StrategyCheck(string Code, bool Fired, IReadOnlyList<RuleCheck> Checks);

/// <summary>
/// What a signal stands on: the indicator values of its day, the thresholds used and, for every strategy, which of
/// its conditions held. Stored with the signal as JSON.
/// </summary>
public sealed record SignalEvidence(IReadOnlyDictionary<string, double?> Values, IReadOnlyList<StrategyCheck> Strategies, string? Veto)
{
    /// <summary>The position's stops, each checked against the close (not held: the close fell below it).</summary>
    public IReadOnlyList<RuleCheck> Stops { get; init; } = [];

    /// <summary>
    /// The reasons of the chosen strategy in words (for a hold: the first unmet condition of each rule), then every stop
    /// the close fell below.
    /// </summary>
    public IReadOnlyList<string> Reasons(string code)
    {
        var reasons = Strategies.FirstOrDefault(s => s.Code == code && s.Fired) is { } fired
            ? fired.Checks.Select(c => c.Condition).ToList()
            : Strategies.Where(s => !s.Fired).Select(s => $"{s.Code}: not {s.Checks.FirstOrDefault(c => !c.Held)?.Condition ?? "applicable"}").ToList();
        reasons.AddRange(Stops.Where(s => !s.Held).Select(s => $"stop broken: not {s.Condition}"));
        return reasons;
    }
}

/// <summary>The signal of one symbol on one day.</summary>
public sealed record SignalDecision(DateOnly TradeDate, SignalCode Code, CatalogStrategy Strategy, double Close, SignalEvidence Evidence);
