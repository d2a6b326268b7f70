namespace HkStrategy.Operations.Content;

/// <summary>What a database holds, in the terms backups are checked by: rows per table, positions and value per portfolio.</summary>
public sealed record ContentSummary(
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<PortfolioContent> Portfolios,
    decimal TotalMarketValue);

public sealed record PortfolioContent(string PortfolioId, int Positions, decimal MarketValue);
