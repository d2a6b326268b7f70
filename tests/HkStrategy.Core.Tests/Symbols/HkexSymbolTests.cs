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
