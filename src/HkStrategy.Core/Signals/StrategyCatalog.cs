namespace HkStrategy.Core.Signals;

/// <summary>One strategy of the TXYZN catalog.</summary>
/// <param name="Priority">Lower wins when several strategies hold on the same day.</param>
/// <param name="LegacyType">The prototype's trading_signals.signal_type (A–D) that meant the same, if any.</param>
public sealed record CatalogStrategy(SignalCode Code, string Name, string Description, int Priority, char? LegacyType);

/// <summary>The strategies signals are generated from; the same rows are stored in the signal_strategies table.</summary>
public static class StrategyCatalog
{
    public static CatalogStrategy Breakdown { get; } = new(new('S', "BRK", 3), "Breakdown",
        "Close below EMA50 by more than a fraction of ATR, MACD negative and falling, RSI weak, on heavy volume", 1, 'C');

    public static CatalogStrategy OverboughtReversal { get; } = new(new('S', "OVB", 1), "Overbought reversal",
        "At or above the target sell price with RSI overbought, pulling back from the high or engulfed, on volume", 2, 'D');

    public static CatalogStrategy Breakout { get; } = new(new('B', "BRK", 9), "Breakout",
        "Uptrend (EMA5 > EMA20), close above the 20-day high by a fraction of ATR, momentum confirmed, on heavy volume", 3, 'A');

    public static CatalogStrategy OversoldReversal { get; } = new(new('B', "RSV", 7), "Oversold reversal",
        "RSI turning up out of oversold, close above EMA5 and EMA20 near the day's high, on volume", 4, 'B');

    public static CatalogStrategy Momentum { get; } = new(new('H', "MOM", 5), "Hold",
        "No entry or exit rule holds: keep the position as it is", 5, null);

    /// <summary>In priority order: SBRK, SOVB, BBRK, BRSV, then HMOM.</summary>
    public static IReadOnlyList<CatalogStrategy> All { get; } = [Breakdown, OverboughtReversal, Breakout, OversoldReversal, Momentum];

    public static CatalogStrategy? Find(string catalogKey) => All.FirstOrDefault(s => s.Code.CatalogKey == catalogKey);
}
