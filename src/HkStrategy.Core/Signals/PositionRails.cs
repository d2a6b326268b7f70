namespace HkStrategy.Core.Signals;

/// <summary>Gates on buy signals, the prototype's per-stock overlays made rules of a position.</summary>
[Flags]
public enum BuyGates
{
    None = 0,

    /// <summary>Oversold-reversal buys (BRSV) only inside the add zone (the prototype's rule for 9988).</summary>
    InAddZone = 1,

    /// <summary>Breakout and oversold-reversal buys only at or above EMA20 (its rule for 0388).</summary>
    AboveEma20 = 2,

    /// <summary>Oversold-reversal buys only within a band around the EMA20/EMA50 cluster (its rule for 0005).</summary>
    NearEmaCluster = 4,
}

/// <summary>
/// A position's rails: the price levels and gates the rules read besides the bars. The prototype's trim_min both
/// serves as the sell target when there is none and keeps the overbought-reversal sell away below it; the stops
/// change no signal, they are reported when the close falls below them.
/// </summary>
public sealed record PositionRails(
    decimal? TargetSell = null, decimal? TrimMin = null, decimal? StopLoss = null, decimal? TacticalStop = null,
    decimal? AddZoneLow = null, decimal? AddZoneHigh = null, BuyGates BuyOnly = BuyGates.None)
{
    public static PositionRails None { get; } = new();

    /// <summary>The price an overbought-reversal sell needs: the target sell, else the trim minimum (as the prototype).</summary>
    public decimal? SellTarget => TargetSell ?? TrimMin;
}
