namespace HkStrategy.Data.Portfolios;

/// <summary>A portfolio with its totals: what <c>hks portfolio list</c> and the dashboard's portfolio page show.</summary>
public sealed record PortfolioSummary(
    string PortfolioId, string Name, string? Description, int Positions, decimal MarketValue, decimal Cost, decimal UnrealizedPnl,
    DateTime? CreatedAt, DateTime? UpdatedAt)
{
    /// <summary>Unrealised P&amp;L as a percentage of cost, rounded to two decimals; null without cost.</summary>
    public decimal? UnrealizedPnlPercent => Cost == 0 ? null : Math.Round(UnrealizedPnl / Cost * 100, 2, MidpointRounding.AwayFromZero);
}
