using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Schema;
using Npgsql;

namespace HkStrategy.Data.Portfolios;

/// <summary>
/// Turns the prototype's <c>portfolio_holdings</c> of portfolios that have no positions into positions, priced at
/// the symbol's newest known price (its newest price_history row, else another position's price), else at avg_cost.
/// </summary>
public static class HoldingsConversion
{
    private const string TooLongSql = """
        SELECT symbol FROM portfolio_holdings h
        WHERE length(h.symbol) > 10 AND h.portfolio_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM portfolio_positions pp WHERE pp.portfolio_id = h.portfolio_id)
        """;

    private const string ConvertSql = """
        INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector)
        SELECT h.portfolio_id, h.symbol, h.company_name, h.quantity, h.avg_cost,
               COALESCE(
                   (SELECT ph.price FROM price_history ph WHERE ph.symbol = h.symbol ORDER BY ph."timestamp" DESC NULLS LAST, ph.id DESC LIMIT 1),
                   (SELECT pp.current_price FROM portfolio_positions pp WHERE pp.symbol = h.symbol AND pp.current_price > 0
                    ORDER BY pp.last_updated DESC NULLS LAST LIMIT 1),
                   h.avg_cost),
               COALESCE(h.sector, 'Other')
        FROM portfolio_holdings h
        WHERE h.portfolio_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM portfolio_positions pp WHERE pp.portfolio_id = h.portfolio_id)
        """;

    public static async Task<int> ConvertAsync(NpgsqlConnection connection, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        var tooLong = (await connection.QueryAsync<string>(TooLongSql, cancellationToken)).ToList();
        if (tooLong.Count > 0)
        {
            throw HksException.CheckFailed("HoldingSymbolTooLong",
                $"holdings with symbols longer than a position allows (10): {string.Join(", ", tooLong)}; fix them in portfolio_holdings first");
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT set_config('lock_timeout', @Timeout, true)",
            new { Timeout = $"{(long)lockTimeout.TotalMilliseconds}ms", cancellationToken }, transaction);
        var converted = await connection.ExecuteAsync(ConvertSql, cancellationToken, transaction);
        await MigrationLedger.HistoryAsync(connection, "holdings converted", null, null, $"{converted} holding(s) became positions", transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return converted;
    }
}
