using HkStrategy.Core.Failures;
using HkStrategy.Core.Input;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;

namespace HkStrategy.Core.Tests.Input;

public sealed class InputValuesTests
{
    [Theory]
    [InlineData("1,000", 1000)]
    [InlineData("12,345,678", 12345678)]
    [InlineData("100", 100)]
    [InlineData("１００", 100)]
    [InlineData("１，０００", 1000)]
    public void Quantities_AcceptThousandsSeparatorsInGroupsOfThree(string text, int expected) =>
        Assert.Equal(expected, InputValues.Quantity(text));

    [Theory]
    [InlineData("1,0")]
    [InlineData("1,2,3")]
    [InlineData("10,00")]
    [InlineData(",100")]
    [InlineData("1,000,")]
    [InlineData("1.000,5")]
    public void Quantities_WithACommaThatCouldMeanSomethingElse_AreRefusedNamingTheField(string text)
    {
        var error = Assert.Throws<HksException>(() => InputValues.Quantity(text));

        Assert.Equal("InvalidQuantity", error.Name);
        Assert.StartsWith($"quantity '{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12,345.67", "12345.67")]
    [InlineData("320.5", "320.5")]
    [InlineData("３２０．５", "320.5")]
    public void Prices_ReadAsTheyMean(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), InputValues.Price("--avg-cost", text));

    [Theory]
    [InlineData("1,5")]
    [InlineData("320,50")]
    [InlineData("١٢٣")]
    public void Prices_ThatCouldMeanTwoThings_OrInOtherScripts_AreRefused(string text)
    {
        var error = Assert.Throws<HksException>(() => InputValues.Price("--avg-cost", text));

        Assert.Equal("InvalidPrice", error.Name);
        Assert.Contains("--avg-cost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FullWidthSymbols_AreTheCodesTheyShow() => Assert.Equal("0700.HK", HkexSymbol.Normalize("７００"));

    [Theory]
    [InlineData("Tencent\u001b[2J")]
    [InlineData("Ten\u0007cent")]
    [InlineData("evil\u202Eexe")]
    [InlineData("two\nlines")]
    public void NamesWithControlCharacters_AreRefused_AndShownEscaped(string name)
    {
        var error = Assert.Throws<HksException>(() => PortfolioText.Name(name));

        Assert.Equal("InvalidPortfolioName", error.Name);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c) || c == '\u202E');
        Assert.Throws<HksException>(() => InputValues.Text("sector", name, 50));
    }

    [Fact]
    public void Descriptions_MayHaveLines_ButNoOtherControlCharacters()
    {
        Assert.Equal("first\nsecond", PortfolioText.Description("first\nsecond"));
        Assert.Throws<HksException>(() => PortfolioText.Description("bell\u0007"));
    }
}
