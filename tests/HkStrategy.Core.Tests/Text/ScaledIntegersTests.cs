using System.Globalization;
using HkStrategy.Core.Text;

namespace HkStrategy.Core.Tests.Text;

/// <summary>Whole numbers of a column's smallest unit, back as the decimals they are: exact, signed, with their scale.</summary>
public sealed class ScaledIntegersTests
{
    [Theory]
    [InlineData(18020L, 3, "18.020")]
    [InlineData(0L, 2, "0.00")]
    [InlineData(-9999999999999999L, 2, "-99999999999999.99")]
    [InlineData(1L, 8, "0.00000001")]
    [InlineData(long.MaxValue, 0, "9223372036854775807")]
    [InlineData(long.MinValue, 3, "-9223372036854775.808")]
    public void AWholeNumberOfUnits_IsTheDecimalItStandsFor(long units, byte scale, string expected)
    {
        Assert.Equal(expected, ScaledIntegers.ToDecimal(units, scale).ToString(CultureInfo.InvariantCulture));
    }
}
