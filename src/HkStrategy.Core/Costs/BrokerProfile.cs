namespace HkStrategy.Core.Costs;

/// <summary>
/// What a broker charges per trade: a rate of the consideration with a minimum, and a flat platform fee. Brokers differ,
/// so a portfolio has none until its owner gives one (none: no commission).
/// </summary>
public sealed record BrokerProfile(decimal Rate, decimal Minimum, decimal PlatformFee)
{
    public static BrokerProfile None { get; } = new(0m, 0m, 0m);

    /// <summary>The rate of the consideration, at least the minimum, to the cent (half up), plus the platform fee.</summary>
    public decimal Commission(decimal consideration) =>
        consideration == 0m ? 0m : Math.Max(Cents.HalfUp(consideration * Rate), Minimum) + PlatformFee;
}
