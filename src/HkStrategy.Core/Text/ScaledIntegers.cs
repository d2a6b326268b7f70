namespace HkStrategy.Core.Text;

/// <summary>
/// Numbers read from PostgreSQL as whole numbers of their smallest unit (<c>(close * 1000)::int8</c>), turned back into
/// the decimals they are, exactly and with their scale: decoding int8 costs a fraction of decoding a numeric.
/// </summary>
public static class ScaledIntegers
{
    /// <summary>A whole number of units of 10^−scale as the decimal it is (1234, 3: 1.234).</summary>
    public static decimal ToDecimal(long units, byte scale)
    {
        var magnitude = units < 0 ? (ulong)(-(units + 1)) + 1 : (ulong)units;
        return new decimal(unchecked((int)magnitude), unchecked((int)(magnitude >> 32)), 0, units < 0, scale);
    }
}
