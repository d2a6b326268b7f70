using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Input;

namespace HkStrategy.Core.Tests.Input;

/// <summary>Amounts of money and rates typed by people: one meaning each, or refused in one line naming the field.</summary>
public sealed class AmountAndPercentTests
{
    [Theory]
    [InlineData("100,000", "100000")]
    [InlineData("1234.5", "1234.5")]
    [InlineData("１２３，４５６．７８", "123456.78")]
    [InlineData("0", "0")]
    [InlineData("999999999999.999", "999999999999.999")]
    public void Amounts_AreReadAsTyped(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), InputValues.Amount("--amount", text));

    [Theory]
    [InlineData("1,5")]                 // a decimal comma, or fifteen?
    [InlineData("-100")]
    [InlineData("1e6")]
    [InlineData("12.3456")]             // finer than a three-decimal price times a quantity
    [InlineData("1000000000000")]
    [InlineData("NaN")]
    [InlineData("100 000")]
    [InlineData("")]
    public void HostileOrAmbiguousAmounts_AreRefusedNamingTheField(string text)
    {
        var error = Assert.Throws<HksException>(() => InputValues.Amount("--amount", text));

        Assert.Equal("InvalidAmount", error.Name);
        Assert.StartsWith("--amount '", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("0.03%", "0.0003")]
    [InlineData("3%", "0.03")]
    [InlineData(" 0.25 % ", "0.0025")]
    [InlineData("０．０３％", "0.0003")]
    public void Percentages_WithTheirSign_AreFractions(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), InputValues.Percent("--commission-rate", text));

    [Fact]
    public void APercentageWithoutItsSign_IsRefused_ForItCouldBeReadTwoWays()
    {
        var error = Assert.Throws<HksException>(() => InputValues.Percent("--commission-rate", "0.03"));

        Assert.Equal("PercentSignMissing", error.Name);
        Assert.Contains("0.03% or 3%", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1%")]
    [InlineData("100%")]
    [InlineData("%")]
    [InlineData("1,5%")]
    public void ImpossiblePercentages_AreRefused(string text) =>
        Assert.Equal("InvalidPercent", Assert.Throws<HksException>(() => InputValues.Percent("--commission-rate", text)).Name);
}
