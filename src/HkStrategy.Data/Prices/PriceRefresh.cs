using Dapper;
using Npgsql;

namespace HkStrategy.Data.Prices;

/// <summary>One position's price before and after a refresh, and the day of the bar it came from.</summary>
public sealed record RefreshedPrice(string PortfolioId, string Symbol, decimal? OldPrice, decimal NewPrice, DateOnly BarDate);

/// <summary>
/// Sets each position's current_price to the close of its symbol's newest daily bar up to today in Hong Kong: a bar
/// dated later (imported before such bars were refused, or written by another program) is never taken as a price.
/// A counter the portfolio trades in renminbi or US dollars (its latest buy, sale, transfer in or opening balance
/// says which) is quoted in that currency: its close is converted to HK$ at the rate of the bar's day (the close of
/// <c>CNYHKD=X</c> or <c>USDHKD=X</c> on or before it, else the rate of that latest trade), because the position's
/// average cost and its market value are in HK$.
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
            quoted AS (
                SELECT DISTINCT ON (portfolio_id, symbol) portfolio_id, symbol, currency, fx_rate FROM activities
                WHERE activity_type IN ('buy', 'sell', 'transfer-in', 'opening') AND price > 0
                  AND (@portfolioId::varchar IS NULL OR portfolio_id = @portfolioId)
                ORDER BY portfolio_id, symbol, trade_date DESC, id DESC),
            priced AS (
                SELECT p.id, p.portfolio_id, p.symbol, p.current_price AS old_price, l.trade_date,
                       CASE WHEN q.currency IS NULL OR q.currency = 'HKD' THEN l.close
                            ELSE round(l.close * COALESCE((SELECT r.close FROM daily_bars r WHERE r.symbol = q.currency || 'HKD=X'
                                AND r.trade_date <= l.trade_date ORDER BY r.trade_date DESC LIMIT 1), q.fx_rate), 3) END AS new_price
                FROM portfolio_positions p
                JOIN latest l ON l.symbol = p.symbol
                LEFT JOIN quoted q ON q.portfolio_id = p.portfolio_id AND q.symbol = p.symbol
                WHERE @portfolioId::varchar IS NULL OR p.portfolio_id = @portfolioId)
            UPDATE portfolio_positions p SET current_price = n.new_price, last_updated = LOCALTIMESTAMP
            FROM priced n
            WHERE p.id = n.id AND p.current_price IS DISTINCT FROM n.new_price
            RETURNING p.portfolio_id AS "PortfolioId", p.symbol AS "Symbol", n.old_price AS "OldPrice", n.new_price AS "NewPrice", n.trade_date AS "BarDate"
            """, new { portfolioId, today, cancellationToken })).ToList();
}
