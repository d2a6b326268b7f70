using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Portfolios;
using Npgsql;

namespace HkStrategy.Data.Positions;

/// <summary>
/// Positions of a portfolio. Every change is one UPDATE of the fields given (the row lock serialises concurrent
/// edits, so none is lost); a caller holding a version gets a refusal instead of overwriting a newer row.
/// </summary>
public static class PositionStore
{
    private const string SelectOneSql = SelectSql + " WHERE p.portfolio_id = @portfolioId AND p.symbol = @symbol";
    private const string SelectOneForUpdateSql = SelectOneSql + " FOR UPDATE OF p";

    private const string SelectSql = """
        SELECT p.portfolio_id AS PortfolioId, p.symbol AS Symbol, p.company_name AS CompanyName, p.quantity AS Quantity,
               p.avg_cost AS AverageCost, COALESCE(p.current_price, 0) AS CurrentPrice, COALESCE(p.market_value, 0) AS MarketValue,
               COALESCE(p.unrealized_pnl, 0) AS UnrealizedPnl, p.sector AS Sector, p.last_updated AS LastUpdated,
               p.xmin::text::bigint AS Version,
               r.target_sell AS TargetSell, r.stop_loss AS StopLoss, r.add_zone_low AS AddZoneLow, r.add_zone_high AS AddZoneHigh,
               r.trim_min AS TrimMin, r.tactical_stop AS TacticalStop, COALESCE(array_to_string(r.buy_only, ','), '') AS BuyOnlyNames
        FROM portfolio_positions p
        LEFT JOIN position_rules r ON r.portfolio_id = p.portfolio_id AND r.symbol = p.symbol
        """;

    public static async Task<IReadOnlyList<Position>> ListAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken)
    {
        var positions = (await connection.QueryAsync<Position>(
            SelectSql + " WHERE p.portfolio_id = @portfolioId ORDER BY p.market_value DESC NULLS LAST, p.symbol", new { portfolioId, cancellationToken })).ToList();
        if (positions.Count == 0)
        {
            await RequirePortfolioAsync(connection, portfolioId, null, cancellationToken);
        }
        return positions;
    }

    public static async Task<Position> GetAsync(NpgsqlConnection connection, string portfolioId, string symbol, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null, bool forUpdate = false) =>
        (await (forUpdate
            ? connection.QueryAsync<Position>(SelectOneForUpdateSql, new { portfolioId, symbol, cancellationToken }, transaction)
            : connection.QueryAsync<Position>(SelectOneSql, new { portfolioId, symbol, cancellationToken }, transaction))).SingleOrDefault()
        ?? throw Missing(portfolioId, symbol);

    /// <param name="outer">A transaction the insert joins (its owner commits); without one it gets its own.</param>
    public static async Task AddAsync(NpgsqlConnection connection, string portfolioId, string symbol, PositionChange change, CancellationToken cancellationToken,
        NpgsqlTransaction? outer = null)
    {
        await using var own = outer is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var transaction = outer ?? own!;
        await RequirePortfolioAsync(connection, portfolioId, transaction, cancellationToken);
        var added = await connection.ExecuteAsync(
            """
            INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
            VALUES (@portfolioId, @symbol, @CompanyName, COALESCE(@Quantity, 0), COALESCE(@AverageCost, 0), COALESCE(@CurrentPrice, @AverageCost, 0), @Sector, LOCALTIMESTAMP)
            ON CONFLICT (portfolio_id, symbol) DO NOTHING
            """, new { portfolioId, symbol, change.CompanyName, change.Quantity, change.AverageCost, change.CurrentPrice, change.Sector, cancellationToken }, transaction);
        if (added == 0)
        {
            throw HksException.Usage("PositionExists", $"portfolio {portfolioId} holds {symbol} already: change it with 'hks position update'");
        }
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }

    public static async Task UpdateAsync(NpgsqlConnection connection, string portfolioId, string symbol, PositionChange change, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null)
    {
        if (change.ChangesNoField)
        {
            // Nothing of the row itself changes: lock it (rules and events change with it) and check the version only.
            var current = await GetAsync(connection, portfolioId, symbol, cancellationToken, transaction, forUpdate: transaction is not null);
            if (change.ExpectedVersion is { } expected && expected != current.Version)
            {
                throw Changed(portfolioId, symbol, expected, current.Version);
            }
            return;
        }
        var changed = await connection.ExecuteAsync(
            """
            UPDATE portfolio_positions SET
                company_name = COALESCE(@CompanyName, company_name), quantity = COALESCE(@Quantity, quantity),
                avg_cost = COALESCE(@AverageCost, avg_cost), current_price = COALESCE(@CurrentPrice, current_price),
                sector = COALESCE(@Sector, sector), last_updated = LOCALTIMESTAMP
            WHERE portfolio_id = @portfolioId AND symbol = @symbol
              AND (@ExpectedVersion::bigint IS NULL OR xmin::text::bigint = @ExpectedVersion)
            """, new { portfolioId, symbol, change.CompanyName, change.Quantity, change.AverageCost, change.CurrentPrice, change.Sector, change.ExpectedVersion, cancellationToken }, transaction);
        if (changed == 0)
        {
            var current = await GetAsync(connection, portfolioId, symbol, cancellationToken, transaction);
            throw Changed(portfolioId, symbol, change.ExpectedVersion, current.Version);
        }
    }

    private static HksException Changed(string portfolioId, string symbol, long? expected, long now) =>
        HksException.Refused("PositionChanged", $"{symbol} in {portfolioId} was changed by someone else since version {expected} (now {now}): read it again and retry");

    public static async Task RemoveAsync(NpgsqlConnection connection, string portfolioId, string symbol, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync("DELETE FROM portfolio_positions WHERE portfolio_id = @portfolioId AND symbol = @symbol",
                new { portfolioId, symbol, cancellationToken }) == 0)
        {
            throw Missing(portfolioId, symbol);
        }
    }

    private static async Task RequirePortfolioAsync(NpgsqlConnection connection, string portfolioId, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (!await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM portfolios WHERE portfolio_id = @portfolioId)", new { portfolioId, cancellationToken }, transaction))
        {
            throw PortfolioStore.Missing(portfolioId);
        }
    }

    public static HksException Missing(string portfolioId, string symbol) =>
        HksException.Usage("PositionMissing", $"portfolio {portfolioId} holds no {symbol}");
}
