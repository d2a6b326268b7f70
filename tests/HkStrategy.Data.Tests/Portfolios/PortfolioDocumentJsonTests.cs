using HkStrategy.Data.Portfolios.Exchange;

namespace HkStrategy.Data.Tests.Portfolios;

/// <summary>A document read by the JSON reader generated at build time keeps the defaults of what it leaves out.</summary>
public sealed class PortfolioDocumentJsonTests
{
    [Fact]
    public void ADocumentWithOnlyItsPortfolio_IsAVersion1HksDocument_WithEmptyLists()
    {
        var document = PortfolioDocumentJson.Parse("""{"portfolio": {"portfolioId": "Bare", "name": "Bare"}}""", "bare.json");

        Assert.Equal(PortfolioDocument.FormatName, document.Format);
        Assert.Equal(1, document.Version);
        Assert.False(document.HasOverlays);
        Assert.Empty(document.Positions);
        Assert.Empty(document.Events);
        Assert.Empty(document.Analyses);
    }

    [Fact]
    public void APositionWithoutGates_HasNone_AndNullListsAreEmpty()
    {
        var document = PortfolioDocumentJson.Parse("""
            {"format": "hks-portfolio", "version": 2, "portfolio": {"portfolioId": "P", "name": "P"}, "events": null,
             "positions": [{"symbol": "0700.HK", "quantity": 100, "averageCost": 1, "currentPrice": 2}, {"symbol": "0005.HK", "quantity": 1, "averageCost": 1, "currentPrice": 1, "buyOnly": null}]}
            """, "p.json");

        Assert.All(document.Positions, p => Assert.Empty(p.BuyOnly));
        Assert.Empty(document.Events);
    }

    [Fact]
    public void ADocumentWithoutItsPortfolio_IsRefusedInOneLine()
    {
        var error = Assert.Throws<HkStrategy.Core.Failures.HksException>(() => PortfolioDocumentJson.Parse("""{"format": "hks-portfolio", "version": 2}""", "none.json"));

        Assert.StartsWith("none.json is not a portfolio document", error.Message, StringComparison.Ordinal);
    }
}
