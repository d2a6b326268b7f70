using HkStrategy.Core.Calendar;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Positions;
using HkStrategy.Data.Prices;
using HkStrategy.Data.Signals;
using Npgsql;

namespace HkStrategy.Web.Portfolios;

/// <summary>A position as the portfolio page and its API show it: with its newest signal and whether its price is stale.</summary>
public sealed record PositionView(Position Position, StoredSignal? LatestSignal, DateOnly? NewestBar, bool IsStale);

/// <summary>A sector's share of a portfolio's market value.</summary>
public sealed record SectorShare(string Sector, decimal MarketValue, decimal Percent);

/// <summary>Everything the portfolio page shows about one portfolio, read in five queries: today's activities (Hong Kong's date) among it.</summary>
public sealed record PortfolioView(PortfolioSummary Summary, IReadOnlyList<PositionView> Positions, IReadOnlyList<SectorShare> Sectors, DateOnly LastTradingDay,
    IReadOnlyList<Activity> TodaysActivities)
{
    public int StaleCount => Positions.Count(p => p.IsStale);

    public static async Task<PortfolioView> LoadAsync(NpgsqlConnection connection, string portfolioId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var summary = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        var positions = await PositionStore.ListAsync(connection, portfolioId, cancellationToken);
        var signals = await SignalStore.LatestAsync(connection, portfolioId, cancellationToken);
        var newest = await StalePrices.NewestBarsAsync(connection, portfolioId, cancellationToken);
        var lastTradingDay = MarketClock.LastClosedTradingDay(now, TradingCalendar.Hkex);
        var today = DateOnly.FromDateTime(MarketClock.HongKongTime(now));
        var todays = await ActivityStore.ListAsync(connection, portfolioId, new ActivityFilter(From: today, To: today), cancellationToken);
        var views = positions.Select(p =>
        {
            var bar = newest.GetValueOrDefault(p.Symbol);
            return new PositionView(p, signals.GetValueOrDefault(p.Symbol), bar, p.Quantity > 0 && (bar is null || bar < lastTradingDay));
        }).ToList();
        return new PortfolioView(summary, views, SectorShares(positions, summary.MarketValue), lastTradingDay, [.. todays.Select(a => a.ToActivity())]);
    }

    private static List<SectorShare> SectorShares(IReadOnlyList<Position> positions, decimal total) =>
        positions.GroupBy(p => string.IsNullOrWhiteSpace(p.Sector) ? "Unclassified" : p.Sector!, StringComparer.Ordinal)
            .Select(g => (Sector: g.Key, Value: g.Sum(p => p.MarketValue)))
            .Where(s => s.Value != 0)
            .OrderByDescending(s => s.Value)
            .Select(s => new SectorShare(s.Sector, s.Value, total == 0 ? 0 : Math.Round(s.Value / total * 100, 2, MidpointRounding.AwayFromZero)))
            .ToList();
}
