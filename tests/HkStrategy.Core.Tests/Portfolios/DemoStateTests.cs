using HkStrategy.Core.Portfolios;

namespace HkStrategy.Core.Tests.Portfolios;

public sealed class DemoStateTests
{
    [Fact]
    public void MainPortfolio_IsWorthTheSeedsVerifiedTotal() =>
        Assert.Equal(DemoState.TotalMarketValue, DemoState.MainPositions.Sum(p => p.MarketValue));

    [Fact]
    public void DemoState_HasFivePortfoliosAndTwelveUniquePositions()
    {
        Assert.Equal(5, DemoState.Portfolios.Select(p => p.PortfolioId).Distinct().Count());
        Assert.Equal(12, DemoState.MainPositions.Select(p => p.Symbol).Distinct().Count());
        Assert.All(DemoState.Portfolios, p => Assert.True(PortfolioId.IsValid(p.PortfolioId)));
    }
}
