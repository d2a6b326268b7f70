using System.Globalization;
using HkStrategy.Operations.Content;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// What a restore would take away: fewer portfolios, positions or value than the live database holds. Shown, and
/// confirmed by name, before a restore with no manifest saying what it holds may switch.
/// </summary>
public sealed record ContentLoss(int LivePortfolios, int RestoredPortfolios, long LivePositions, long RestoredPositions, decimal LiveValue, decimal RestoredValue)
{
    public static ContentLoss? Between(ContentSummary live, ContentSummary restored)
    {
        // Without a portfolios table (a legacy dump kept as it was), the positions carry no portfolios to count.
        var restoredPortfolios = restored.Tables.ContainsKey("portfolios") ? restored.Portfolios.Count : live.Portfolios.Count;
        var loss = new ContentLoss(live.Portfolios.Count, restoredPortfolios, Positions(live), Positions(restored), live.TotalMarketValue, restored.TotalMarketValue);
        return loss.RestoredPortfolios < loss.LivePortfolios || loss.RestoredPositions < loss.LivePositions || loss.RestoredValue < loss.LiveValue ? loss : null;
    }

    /// <summary>What the user types to accept it: the largest kind of loss, named.</summary>
    public string Confirmation =>
        RestoredPositions < LivePositions ? string.Create(CultureInfo.InvariantCulture, $"lose {LivePositions - RestoredPositions} positions")
        : RestoredPortfolios < LivePortfolios ? string.Create(CultureInfo.InvariantCulture, $"lose {LivePortfolios - RestoredPortfolios} portfolios")
        : "lose value";

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"portfolios {LivePortfolios} → {RestoredPortfolios}, positions {LivePositions} → {RestoredPositions}, value HK${LiveValue:N2} → HK${RestoredValue:N2}");

    private static long Positions(ContentSummary content) => content.Tables.TryGetValue("portfolio_positions", out var rows) ? rows : 0;
}
