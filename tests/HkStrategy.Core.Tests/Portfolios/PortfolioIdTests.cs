using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;

namespace HkStrategy.Core.Tests.Portfolios;

public sealed class PortfolioIdTests
{
    [Theory]
    [InlineData("My_HKEX_ALL")]
    [InlineData("HKEX-NonTech")]
    [InlineData("A")]
    [InlineData("12345678901234567890123456789012345678901234567890")]
    public void ValidIds_AreAccepted(string id) => Assert.Equal(id, PortfolioId.Require(id));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("x'); DROP TABLE portfolios; --")]
    [InlineData("123456789012345678901234567890123456789012345678901")]
    public void InvalidIds_AreAUsageErrorNamingTheRule(string id)
    {
        var error = Assert.Throws<HksException>(() => PortfolioId.Require(id));

        Assert.Equal(ExitCode.Usage, error.ExitCode);
        Assert.Contains("1–50 letters, digits", error.Message, StringComparison.Ordinal);
    }
}
