using Dapper;
using HkStrategy.Core.Prices;
using Npgsql;

namespace HkStrategy.Data.Prices;

/// <summary>
/// The prototype's per-portfolio price_history, kept in step with daily_bars: one row per position holding the
/// symbol and trading day, stamped 16:10 (after the closing auction), replacing an earlier row of that day.
/// </summary>
public static class LegacyPriceHistory
{
    /// <param name="bars">Bars of symbols some position holds.</param>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DailyBar> bars, CancellationToken cancellationToken)
    {
        if (bars.Count == 0)
        {
            return 0;
        }
        var days = new { Symbols = bars.Select(b => b.Symbol).ToArray(), Days = bars.Select(b => b.TradeDate).ToArray(), cancellationToken };
        await connection.ExecuteAsync(
            """
            DELETE FROM price_history ph
            USING unnest(@Symbols, @Days) AS t(symbol, trade_date)
            WHERE ph.symbol = t.symbol AND ph."timestamp" >= t.trade_date AND ph."timestamp" < t.trade_date + 1
            """, days, transaction);
        return await connection.ExecuteAsync(
            """
            INSERT INTO price_history (portfolio_id, symbol, price, volume, high, low, open_price, close_price, "timestamp")
            SELECT p.portfolio_id, d.symbol, d.close, LEAST(d.volume, 2147483647)::int, d.high, d.low, d.open, d.close, d.trade_date + time '16:10'
            FROM unnest(@Symbols, @Days) AS t(symbol, trade_date)
            JOIN daily_bars d ON d.symbol = t.symbol AND d.trade_date = t.trade_date
            JOIN portfolio_positions p ON p.symbol = t.symbol
            """, days, transaction);
    }
}
