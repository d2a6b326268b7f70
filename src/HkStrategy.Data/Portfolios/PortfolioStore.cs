using HkStrategy.Data.Schema;
using Dapper;
using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Data.Portfolios;

/// <summary>Portfolios: list with totals, create, edit, copy (with its ledger, positions, rules and broker profile), delete.</summary>
public static class PortfolioStore
{
    private const string SummarySql = """
        SELECT p.portfolio_id AS PortfolioId, p.name AS Name, p.description AS Description,
               COUNT(pp.id)::int AS Positions,
               COALESCE(SUM(pp.market_value), 0) AS MarketValue,
               COALESCE(SUM(ROUND(pp.quantity * pp.avg_cost, 2)), 0) AS Cost,
               COALESCE(SUM(pp.unrealized_pnl), 0) AS UnrealizedPnl,
               p.created_at AS CreatedAt, p.updated_at AS UpdatedAt
        FROM portfolios p LEFT JOIN portfolio_positions pp ON pp.portfolio_id = p.portfolio_id
        WHERE @Id::varchar IS NULL OR p.portfolio_id = @Id
        GROUP BY p.portfolio_id
        ORDER BY p.created_at NULLS LAST, p.portfolio_id
        """;

    public static async Task<IReadOnlyList<PortfolioSummary>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PortfolioSummary>(SummarySql, new { Id = (string?)null, cancellationToken })).ToList();

    public static async Task<PortfolioSummary> GetAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PortfolioSummary>(SummarySql, new { Id = portfolioId, cancellationToken })).SingleOrDefault()
        ?? throw Missing(portfolioId);

    public static async Task CreateAsync(NpgsqlConnection connection, string portfolioId, string name, string? description, CancellationToken cancellationToken)
    {
        var created = await connection.ExecuteAsync(
            """
            INSERT INTO portfolios (portfolio_id, name, description, created_at, updated_at)
            VALUES (@portfolioId, @name, @description, LOCALTIMESTAMP, LOCALTIMESTAMP)
            ON CONFLICT (portfolio_id) DO NOTHING
            """, new { portfolioId, name, description, cancellationToken });
        if (created == 0)
        {
            throw HksException.Usage("PortfolioExists", $"a portfolio '{portfolioId}' exists already");
        }
    }

    /// <summary>Changes only what is given; one statement, so concurrent edits of other fields are never lost.</summary>
    public static async Task EditAsync(NpgsqlConnection connection, string portfolioId, string? name, string? description, CancellationToken cancellationToken)
    {
        var changed = await connection.ExecuteAsync(
            """
            UPDATE portfolios SET name = COALESCE(@name, name), description = COALESCE(@description, description), updated_at = LOCALTIMESTAMP
            WHERE portfolio_id = @portfolioId
            """, new { portfolioId, name, description, cancellationToken });
        if (changed == 0)
        {
            throw Missing(portfolioId);
        }
    }

    /// <summary>A new portfolio with the same positions and rules (prices and signals stay with the original).</summary>
    public static async Task<int> CopyAsync(NpgsqlConnection connection, string from, string to, string? name, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var source = (await connection.QueryAsync<PortfolioHeading>(
            """SELECT name AS "Name", description AS "Description" FROM portfolios WHERE portfolio_id = @from FOR SHARE""", new { from, cancellationToken }, transaction))
            .SingleOrDefault() ?? throw Missing(from);
        var created = await connection.ExecuteAsync(
            """
            INSERT INTO portfolios (portfolio_id, name, description, created_at, updated_at)
            VALUES (@to, @name, @description, LOCALTIMESTAMP, LOCALTIMESTAMP) ON CONFLICT (portfolio_id) DO NOTHING
            """, new { to, name = name ?? $"Copy of {source.Name}", source.Description, cancellationToken }, transaction);
        if (created == 0)
        {
            throw HksException.Usage("PortfolioExists", $"a portfolio '{to}' exists already: copy into a new id");
        }
        // The ledger comes with the positions it derives: written with hks.deriving set, the positions are not
        // recorded again as opening balances. Then the broker profile, so the copy's trades cost what the original's do.
        await connection.ExecuteAsync(CopyActivitiesSql, new { from, to, cancellationToken }, transaction);
        await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'on', true)", cancellationToken, transaction);
        // Written from the column lists at start, these two statements carry no cancellation (Dapper.AOT 1.1 cannot
        // generate it for SQL it does not see at build time); each copies one portfolio's rows in one statement.
        var positions = await connection.ExecuteAsync(CopyPositionsSql, new { from, to }, transaction);
        await connection.ExecuteAsync(CopyRulesSql, new { from, to }, transaction);
        await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'off', true)", cancellationToken, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO broker_profiles (portfolio_id, broker, commission_rate, commission_minimum, platform_fee)
            SELECT @to, broker, commission_rate, commission_minimum, platform_fee FROM broker_profiles WHERE portfolio_id = @from
            """, new { from, to, cancellationToken }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return positions;
    }

    /// <summary>Deletes the portfolio and, by its foreign keys, its positions, rules, signals and prices.</summary>
    public static async Task DeleteAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync("DELETE FROM portfolios WHERE portfolio_id = @portfolioId",
                new { portfolioId, cancellationToken }) == 0)
        {
            throw Missing(portfolioId);
        }
    }

    public static HksException Missing(string portfolioId) =>
        HksException.Usage("PortfolioMissing", $"there is no portfolio '{portfolioId}' ('hks portfolio list' shows them)");

    /// <summary>Every value column of the portfolio's positions (<see cref="TableColumns.PositionValues"/>), in their order.</summary>
    private static readonly string CopyPositionsSql = $"""
        INSERT INTO portfolio_positions (portfolio_id, symbol, {TableColumns.List(TableColumns.PositionValues)})
        SELECT @to, symbol, {TableColumns.List(TableColumns.PositionValues)} FROM portfolio_positions WHERE portfolio_id = @from ORDER BY id
        """;

    /// <summary>The portfolio's ledger as it stands, in its order (the journal records each as added to the copy).</summary>
    private const string CopyActivitiesSql = """
        INSERT INTO activities (portfolio_id, activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate,
            ratio_from, ratio_to, stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note, position_quantity, position_avg_cost)
        SELECT @to, activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate,
            ratio_from, ratio_to, stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note, position_quantity, position_avg_cost
        FROM activities WHERE portfolio_id = @from ORDER BY trade_date, id
        """;

    /// <summary>Every rule column of the portfolio's positions (<see cref="TableColumns.PositionRuleValues"/>).</summary>
    private static readonly string CopyRulesSql = $"""
        INSERT INTO position_rules (portfolio_id, symbol, {TableColumns.List(TableColumns.PositionRuleValues)})
        SELECT @to, symbol, {TableColumns.List(TableColumns.PositionRuleValues)} FROM position_rules WHERE portfolio_id = @from
        """;

    internal sealed record PortfolioHeading(string Name, string? Description);
}
