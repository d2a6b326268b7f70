using System.Globalization;
using HkStrategy.Core.Text;

namespace HkStrategy.Core.Tests.Text;

public sealed class FastParseTests
{
    [Theory]
    [InlineData("612.5")]
    [InlineData("0")]
    [InlineData("0.001")]
    [InlineData("15000000")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789012")]
    [InlineData("1e3")]
    [InlineData("-5.5")]
    [InlineData("+7")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("38.849998474121094")]
    public void Decimals_ParseExactlyAsTheGeneralParserDoes(string text)
    {
        var expectedOk = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);

        var ok = FastParse.TryDecimal(text, out var value);

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expected, value);
        Assert.Equal(expected.Scale, value.Scale);
    }

    [Theory]
    [InlineData("2026-11-24", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2025-02-29", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-11-31", false)]
    [InlineData("2026/11/24", true)]
    [InlineData("24/11/2026", false)]
    [InlineData("2026-1-24", false)]
    public void Dates_ParseAsTheExactFormatsSay(string text, bool valid)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy/MM/dd"];

        var ok = FastParse.TryIsoDate(text, formats, out var day);

        Assert.Equal(valid, ok);
        Assert.Equal(valid, DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected));
        Assert.Equal(expected, day);
    }
}
