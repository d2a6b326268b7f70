namespace HkStrategy.Core.Portfolios;

/// <summary>A portfolio as the demo state and the seed's "Restore Missing Portfolios" statement define it.</summary>
public sealed record PortfolioSeed(string PortfolioId, string Name, string Description);

/// <summary>A position as the seed's verified state lists it.</summary>
public sealed record PositionSeed(
    string Symbol,
    string CompanyName,
    int Quantity,
    decimal AverageCost,
    decimal CurrentPrice,
    string Sector)
{
    /// <summary>Rounded once, as the generated column <c>market_value numeric(12,2)</c> does.</summary>
    public decimal MarketValue => Math.Round(Quantity * CurrentPrice, 2, MidpointRounding.AwayFromZero);
}
