using HkStrategy.Core.Failures;
using HkStrategy.Core.Symbols;

namespace HkStrategy.Core.Tests.Symbols;

public sealed class HkexSymbolTests
{
    [Theory]
    [InlineData("0700.HK", "0700.HK")]
    [InlineData("700.hk", "0700.HK")]
    [InlineData("700", "0700.HK")]
    [InlineData(" 5.HK ", "0005.HK")]
    [InlineData("00700.HK", "0700.HK")]
    [InlineData("9988.Hk", "9988.HK")]
    [InlineData("80737.HK", "80737.HK")]
    public void Normalize_WritesTheStoredForm(string input, string expected) => Assert.Equal(expected, HkexSymbol.Normalize(input));

    [Fact]
    public void Normalize_AskedAgain_GivesEachTextItsOwnForm_HoweverLongItsPadding()
    {
        var padded = new string(' ', 1_000_000) + "700" + new string(' ', 1_000_000);
        string[] texts = ["700", "7000", "700.HK", padded, "70000", "700", padded, "7000"];

        var first = texts.Select(HkexSymbol.Normalize).ToList();
        var again = texts.Select(HkexSymbol.Normalize).ToList();

        Assert.Equal(["0700.HK", "7000.HK", "0700.HK", "0700.HK", "70000.HK", "0700.HK", "0700.HK", "7000.HK"], first);
        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAPL")]
    [InlineData("0700.SS")]
    [InlineData("0000.HK")]
    [InlineData("123456.HK")]
    [InlineData("07 00.HK")]
    [InlineData("0700.HK; DROP TABLE x")]
    public void Normalize_RefusesWhatIsNoHkexCode_AsAUsageError(string input)
    {
        var error = Assert.Throws<HksException>(() => HkexSymbol.Normalize(input));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Equal("InvalidSymbol", error.Name);
    }

    [Fact]
    public void KnownCompanies_FillInNameAndSector() =>
        Assert.Equal(new CompanyFacts("Tencent Holdings Ltd", "Tech"), KnownCompanies.Find("0700.HK"));
}
