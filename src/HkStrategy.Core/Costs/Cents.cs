namespace HkStrategy.Core.Costs;

/// <summary>The roundings of Hong Kong's trading costs.</summary>
public static class Cents
{
    /// <summary>To the cent, a half cent up (0.045 → 0.05), as the levies and fees are charged: not to the even cent.</summary>
    public static decimal HalfUp(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Up to the next whole dollar (12.35 → 13), as stamp duty is charged: any part of a dollar counts as a dollar.</summary>
    public static decimal WholeDollarUp(decimal amount) => Math.Ceiling(amount);
}
