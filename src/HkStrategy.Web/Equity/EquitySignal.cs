using System.Text.Json;
using HkStrategy.Core.Signals;
using HkStrategy.Data.Signals;

namespace HkStrategy.Web.Equity;

/// <summary>
/// A signal as the equity chart marks it: its code, side and strength, and its evidence in words (the strategy's
/// conditions, or for a hold the first unmet condition of each rule) with the event that vetoed a buy, if any.
/// </summary>
public sealed record EquitySignal(
    DateOnly Date, string Code, string Side, string Strategy, int Strength, decimal Close, IReadOnlyList<string> Reasons, string? Veto, string? PortfolioId)
{
    public static EquitySignal From(StoredSignal signal)
    {
        var side = SignalCode.Parse(signal.Code).SideName;
        var (reasons, veto) = signal.Evidence is { } evidence
            ? ReadEvidence(evidence)
            : ([$"recorded by the earlier version as signal type {signal.LegacyType}, without its conditions"], null);
        return new EquitySignal(signal.TradeDate, signal.Code, side, signal.StrategyName, signal.Strength, signal.Close, reasons, veto, signal.PortfolioId);
    }

    /// <summary>The evidence as signal generation stores it: <c>reasons</c> (conditions in words) and <c>veto</c>.</summary>
    private static (IReadOnlyList<string> Reasons, string? Veto) ReadEvidence(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ([], null);
        }
        var reasons = root.TryGetProperty("reasons", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList()
            : [];
        var veto = root.TryGetProperty("veto", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return (reasons, veto);
    }
}
