using HkStrategy.Core.Signals;

namespace HkStrategy.Operations.Signals;

/// <summary>
/// What is stored beside a signal as its evidence (jsonb): its code, the thresholds and the strategy it was decided
/// by, its reasons in words, the veto, the indicator values, each strategy's checks and the stops.
/// </summary>
public sealed record StoredEvidence(
    string Code, SignalParameters Thresholds, string Strategy, IReadOnlyList<string> Reasons, string? Veto,
    IReadOnlyDictionary<string, double?> Values, IReadOnlyList<StrategyCheck> Strategies, IReadOnlyList<RuleCheck> Stops);
