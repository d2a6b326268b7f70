using Dapper;
using Npgsql;

namespace HkStrategy.Data.Activities;

/// <summary>
/// Writes to <c>portfolio_positions</c> the position its ledger derives, with <c>hks.deriving</c> set so that the
/// table's triggers do not record the write as an adjustment (it is the ledger's own).
/// </summary>
public static class DerivedPositions
{
    /// <summary>
    /// Waits until no other transaction changes this symbol's ledger in this portfolio: two changes to one chain (the
    /// first activity of a symbol included, which has no row to lock yet) are derived one after the other.
    /// </summary>
    public static Task LockChainAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, string symbol,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 5))",
            new { key = portfolioId + "\u001f" + symbol, cancellationToken }, transaction);

    /// <summary>
    /// Sets the position to the shares and average cost (a new one takes the company's name and sector, and its last
    /// close or the trade's price); a position sold out keeps its row and the average cost it was held at; a position
    /// whose ledger is now empty goes, with what hangs on it.
    /// </summary>
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DerivedPosition position, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'on', true)", cancellationToken, transaction);
        if (position.Quantity is null)
        {
            await connection.ExecuteAsync("DELETE FROM portfolio_positions WHERE portfolio_id = @PortfolioId AND symbol = @Symbol",
                new { position.PortfolioId, position.Symbol, cancellationToken }, transaction);
        }
        else if (position.Quantity == 0 && !position.OpenedEmpty)
        {
            // Sold out: the row (with its rules and signals) stays at no shares; a position removed already is not brought back empty.
            await connection.ExecuteAsync("""
                UPDATE portfolio_positions SET quantity = 0, last_updated = LOCALTIMESTAMP
                WHERE portfolio_id = @PortfolioId AND symbol = @Symbol AND quantity <> 0
                """, new { position.PortfolioId, position.Symbol, cancellationToken }, transaction);
        }
        else
        {
            await connection.ExecuteAsync("""
                INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
                VALUES (@PortfolioId, @Symbol, @CompanyName, @Quantity, @AverageCost,
                        COALESCE((SELECT close FROM daily_bars WHERE symbol = @Symbol ORDER BY trade_date DESC LIMIT 1), @LastPrice), @Sector, LOCALTIMESTAMP)
                ON CONFLICT (portfolio_id, symbol) DO UPDATE SET quantity = EXCLUDED.quantity,
                    avg_cost = CASE WHEN EXCLUDED.quantity = 0 THEN portfolio_positions.avg_cost ELSE EXCLUDED.avg_cost END, last_updated = LOCALTIMESTAMP
                WHERE portfolio_positions.quantity IS DISTINCT FROM EXCLUDED.quantity
                   OR (EXCLUDED.quantity > 0 AND portfolio_positions.avg_cost IS DISTINCT FROM EXCLUDED.avg_cost)
                """, new
            {
                position.PortfolioId, position.Symbol, position.CompanyName, position.Quantity, position.AverageCost, position.LastPrice, position.Sector,
                cancellationToken,
            }, transaction);
        }
        await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'off', true)", cancellationToken, transaction);
    }
}

/// <summary>The position a symbol's ledger ends at; no quantity when the ledger holds nothing of it.</summary>
/// <param name="OpenedEmpty">The ledger ends at an opening balance of no shares: the position is kept (or made) with none.</param>
public sealed record DerivedPosition(string PortfolioId, string Symbol, int? Quantity, decimal AverageCost, decimal? LastPrice, string? CompanyName, string Sector,
    bool OpenedEmpty = false);
