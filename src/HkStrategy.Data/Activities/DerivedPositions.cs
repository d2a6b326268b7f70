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
    /// first activity of a symbol included, which has no row to lock yet) are derived one after the other. The
    /// portfolio is held shared meanwhile, so that an import of many chains (<see cref="LockChainsAsync"/>) waits.
    /// </summary>
    public static Task LockChainAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, string symbol,
        CancellationToken cancellationToken) => LockChainsAsync(connection, transaction, portfolioId, [symbol], cancellationToken);

    /// <summary>Most chains one transaction locks one by one; beyond, it locks the portfolio (PostgreSQL's lock table holds some thousands in all).</summary>
    public const int MostChainLocks = 64;

    /// <summary>
    /// Locks the portfolio's whole ledger until the transaction ends: no other change of any chain or of its cash is
    /// planned or written meanwhile. An import holds it from comparing the file with the ledger to its commit.
    /// </summary>
    public static Task LockLedgerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@portfolioId, 6))", new { portfolioId, cancellationToken }, transaction);

    /// <summary>
    /// Locks the chains of the symbols: each (in order, so two imports cannot deadlock) under the portfolio held shared,
    /// or, for more than <see cref="MostChainLocks"/>, the whole portfolio's ledger.
    /// </summary>
    public static Task LockChainsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, IReadOnlyList<string> symbols,
        CancellationToken cancellationToken) =>
        symbols.Count > MostChainLocks
            ? LockLedgerAsync(connection, transaction, portfolioId, cancellationToken)
            : connection.ExecuteAsync("""
                SELECT pg_advisory_xact_lock_shared(hashtextextended(@portfolioId, 6));
                SELECT pg_advisory_xact_lock(hashtextextended(@portfolioId || chr(31) || s, 5)) FROM unnest(@Symbols) AS s ORDER BY s;
                """, new { portfolioId, Symbols = symbols.Order(StringComparer.Ordinal).ToArray(), cancellationToken }, transaction);

    /// <summary>
    /// Sets the position to the shares and average cost (a new one takes the company's name and sector, and its last
    /// close or the trade's price); a position sold out keeps its row and the average cost it was held at; a position
    /// whose ledger is now empty goes, with what hangs on it.
    /// </summary>
    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DerivedPosition position, CancellationToken cancellationToken) =>
        WriteManyAsync(connection, transaction, position.PortfolioId, [position], cancellationToken);

    /// <summary>Writes the positions of one portfolio as <see cref="WriteAsync"/> writes one, in at most three statements.</summary>
    public static async Task WriteManyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, IReadOnlyList<DerivedPosition> positions,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'on', true)", cancellationToken, transaction);
        var gone = positions.Where(p => p.Quantity is null).Select(p => p.Symbol).ToArray();
        if (gone.Length > 0)
        {
            await connection.ExecuteAsync("DELETE FROM portfolio_positions WHERE portfolio_id = @portfolioId AND symbol = ANY(@gone)",
                new { portfolioId, gone, cancellationToken }, transaction);
        }
        var soldOut = positions.Where(p => p.Quantity == 0 && !p.OpenedEmpty).Select(p => p.Symbol).ToArray();
        if (soldOut.Length > 0)
        {
            // Sold out: the row (with its rules and signals) stays at no shares; a position removed already is not brought back empty.
            await connection.ExecuteAsync("""
                UPDATE portfolio_positions SET quantity = 0, last_updated = LOCALTIMESTAMP
                WHERE portfolio_id = @portfolioId AND symbol = ANY(@soldOut) AND quantity <> 0
                """, new { portfolioId, soldOut, cancellationToken }, transaction);
        }
        var held = positions.Where(p => p.Quantity > 0 || p.Quantity == 0 && p.OpenedEmpty).ToList();
        if (held.Count > 0)
        {
            await connection.ExecuteAsync("""
                INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
                SELECT @portfolioId, i.symbol, i.company_name, i.quantity, i.avg_cost,
                       COALESCE((SELECT b.close FROM daily_bars b WHERE b.symbol = i.symbol ORDER BY b.trade_date DESC LIMIT 1), i.last_price), i.sector, LOCALTIMESTAMP
                FROM unnest(@Symbols::text[], @Companies::text[], @Quantities::int[], @Costs::numeric[], @LastPrices::numeric[], @Sectors::text[])
                     AS i(symbol, company_name, quantity, avg_cost, last_price, sector)
                ON CONFLICT (portfolio_id, symbol) DO UPDATE SET quantity = EXCLUDED.quantity,
                    avg_cost = CASE WHEN EXCLUDED.quantity = 0 THEN portfolio_positions.avg_cost ELSE EXCLUDED.avg_cost END, last_updated = LOCALTIMESTAMP
                WHERE portfolio_positions.quantity IS DISTINCT FROM EXCLUDED.quantity
                   OR (EXCLUDED.quantity > 0 AND portfolio_positions.avg_cost IS DISTINCT FROM EXCLUDED.avg_cost)
                """, new
            {
                portfolioId, Symbols = held.Select(p => p.Symbol).ToArray(), Companies = held.Select(p => p.CompanyName).ToArray(),
                Quantities = held.Select(p => p.Quantity!.Value).ToArray(), Costs = held.Select(p => p.AverageCost).ToArray(),
                LastPrices = held.Select(p => p.LastPrice).ToArray(), Sectors = held.Select(p => p.Sector).ToArray(), cancellationToken,
            }, transaction);
        }
        await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'off', true)", cancellationToken, transaction);
    }
}

/// <summary>The position a symbol's ledger ends at; no quantity when the ledger holds nothing of it.</summary>
/// <param name="OpenedEmpty">The ledger ends at an opening balance of no shares: the position is kept (or made) with none.</param>
public sealed record DerivedPosition(string PortfolioId, string Symbol, int? Quantity, decimal AverageCost, decimal? LastPrice, string? CompanyName, string Sector,
    bool OpenedEmpty = false);
