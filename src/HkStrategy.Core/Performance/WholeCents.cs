namespace HkStrategy.Core.Performance;

/// <summary>
/// A holding's value in whole cents from its share count and a close in whole thousandths of a dollar, rounded half
/// away from zero as <see cref="Costs.Cents.HalfUp"/> rounds: the same cents, without a decimal multiplication and
/// rounding for each symbol on each day of a replay.
/// </summary>
internal static class WholeCents
{
    /// <summary>A share count (an <see cref="int"/>) times at most <see cref="int.MaxValue"/> thousandths fits a <see cref="long"/>.</summary>
    public static long Of(int quantity, long thousandths)
    {
        var product = quantity * thousandths;
        return product >= 0 ? (product + 5) / 10 : -((-product + 5) / 10);
    }
}
