using Dapper;
using Npgsql;

namespace HkStrategy.Data.Prices;

/// <summary>One position's price before and after a refresh, and the day of the bar it came from.</summary>
public sealed record RefreshedPrice(string PortfolioId, string Symbol, decimal? OldPrice, decimal NewPrice, DateOnly BarDate);

/// <summary>
/// Sets each position's current_price to the close of its symbol's newest daily bar up to today in Hong Kong: a bar
/// dated later (imported before such bars were refused, or written by another program) is never taken as a price.
/// </summary>
public static class PriceRefresh
{
    public static async Task<IReadOnlyList<RefreshedPrice>> ApplyAsync(NpgsqlConnection connection, string? portfolioId, DateOnly today, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RefreshedPrice>(
            """
            WITH latest AS (
                SELECT DISTINCT ON (symbol) symbol, trade_date, close FROM daily_bars
                WHERE symbol IN (SELECT symbol FROM portfolio_positions WHERE @portfolioId::varchar IS NULL OR portfolio_id = @portfolioId)
                  AND trade_date <= @today
                ORDER BY symbol, trade_date DESC),
            old AS (
                SELECT p.id, p.current_price FROM portfolio_positions p
                WHERE @portfolioId::varchar IS NULL OR p.portfolio_id = @portfolioId)
            UPDATE portfolio_positions p SET current_price = l.close, last_updated = LOCALTIMESTAMP
            FROM latest l, old o
            WHERE p.id = o.id AND p.symbol = l.symbol AND p.current_price IS DISTINCT FROM l.close
            RETURNING p.portfolio_id AS "PortfolioId", p.symbol AS "Symbol", o.current_price AS "OldPrice", l.close AS "NewPrice", l.trade_date AS "BarDate"
            """, new { portfolioId, today, cancellationToken })).ToList();
}
