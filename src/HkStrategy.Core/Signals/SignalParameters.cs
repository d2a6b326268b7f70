namespace HkStrategy.Core.Signals;

/// <summary>
/// Every threshold the rules use. Stored with each run, so a signal can be reproduced later from its bars and these.
/// </summary>
public sealed record SignalParameters
{
    public static SignalParameters Default { get; } = new();

    /// <summary>Version of the rules themselves; a change of logic (not of thresholds) raises it (2: the position's buy gates and trim minimum).</summary>
    public int RulesVersion { get; init; } = 2;

    public double BreakoutAtrMultiple { get; init; } = 0.35;

    public double BreakoutRsiMin { get; init; } = 58;

    public double BreakoutVolumeMultiple { get; init; } = 1.5;

    public double ReversalRsiFrom { get; init; } = 32;

    public double ReversalRsiTo { get; init; } = 36;

    /// <summary>The close must be in the top part of the day's range: (close − low) / (high − low) ≥ this.</summary>
    public double ReversalCloseInRange { get; init; } = 0.70;

    public double ReversalVolumeMultiple { get; init; } = 1.3;

    public double BreakdownAtrMultiple { get; init; } = 0.35;

    public double BreakdownRsiMax { get; init; } = 42;

    public double BreakdownVolumeMultiple { get; init; } = 1.5;

    public double OverboughtRsiMin { get; init; } = 68;

    public double OverboughtPullbackAtrMultiple { get; init; } = 0.35;

    public double OverboughtVolumeMultiple { get; init; } = 1.3;

    /// <summary>The near-ema-cluster gate's band: the close within this fraction below the lower and above the higher of EMA20 and EMA50.</summary>
    public double EmaClusterBand { get; init; } = 0.01;

    /// <summary>A buy is vetoed on an event's day and on this many trading days before it.</summary>
    public int VetoTradingDaysBefore { get; init; } = 2;
}
