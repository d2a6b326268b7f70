using Dapper;
using HkStrategy.Core.Calendar;
using Npgsql;

namespace HkStrategy.Data.Prices;

/// <summary>A held position whose newest daily bar is older than the last closed trading day (or that has none).</summary>
public sealed record StalePrice(string PortfolioId, string Symbol, DateOnly? NewestBar);

public static class StalePrices
{
    /// <summary>Positions with shares whose price is behind <see cref="MarketClock.LastClosedTradingDay"/>; empty before version 3.</summary>
    public static async Task<(DateOnly LastTradingDay, IReadOnlyList<StalePrice> Stale)> FindAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lastTradingDay = MarketClock.LastClosedTradingDay(now, TradingCalendar.Hkex);
        if (!await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('public.daily_bars') IS NOT NULL", cancellationToken))
        {
            return (lastTradingDay, []);
        }
        var stale = await connection.QueryAsync<StalePrice>(
            """
            SELECT p.portfolio_id AS "PortfolioId", p.symbol AS "Symbol", b.newest AS "NewestBar"
            FROM portfolio_positions p
            LEFT JOIN LATERAL (SELECT MAX(trade_date) AS newest FROM daily_bars d WHERE d.symbol = p.symbol) b ON true
            WHERE p.quantity > 0 AND (b.newest IS NULL OR b.newest < @lastTradingDay)
            ORDER BY p.portfolio_id, p.symbol
            """, new { lastTradingDay, cancellationToken });
        return (lastTradingDay, stale.ToList());
    }

    /// <summary>The newest bar of each symbol a portfolio holds (null: none), to flag stale prices beside positions.</summary>
    public static async Task<IReadOnlyDictionary<string, DateOnly?>> NewestBarsAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<NewestBar>(
            """
            SELECT p.symbol AS "Symbol", (SELECT MAX(trade_date) FROM daily_bars d WHERE d.symbol = p.symbol) AS "Newest"
            FROM portfolio_positions p WHERE p.portfolio_id = @portfolioId
            """, new { portfolioId, cancellationToken }))
            .ToDictionary(r => r.Symbol, r => r.Newest, StringComparer.Ordinal);

    /// <summary>One line for people: how many, which (the first few) and since when.</summary>
    public static string Describe(DateOnly lastTradingDay, IReadOnlyList<StalePrice> stale) =>
        $"{stale.Count} position(s) priced before the last trading day {lastTradingDay:yyyy-MM-dd}: "
        + string.Join(", ", stale.Take(5).Select(s => $"{s.PortfolioId} {s.Symbol} ({(s.NewestBar is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "no bars")})"))
        + (stale.Count > 5 ? ", …" : "") + "; 'hks prices fetch' then 'hks prices refresh' bring them up to date";

    internal sealed record NewestBar(string Symbol, DateOnly? Newest);
}
