using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using Npgsql;

namespace HkStrategy.Data.Activities;

/// <summary>
/// The rows of <c>activities</c>. Writes join the caller's transaction, in which the ledger derives the positions
/// (<c>HkStrategy.Operations.Ledger</c>); the journal is written by the table's triggers.
/// </summary>
public static class ActivityStore
{
    private const string SelectSql = "SELECT " + StoredActivity.Columns + " FROM activities";

    /// <summary>A portfolio's activities in the ledger's order, optionally of one symbol and within dates.</summary>
    public static async Task<IReadOnlyList<StoredActivity>> ListAsync(NpgsqlConnection connection, string portfolioId, ActivityFilter filter,
        CancellationToken cancellationToken, NpgsqlTransaction? transaction = null) =>
        [.. await connection.QueryAsync<StoredActivity>(SelectSql + " " + """
             WHERE portfolio_id = @portfolioId AND (@Symbol::text IS NULL OR symbol = @Symbol)
               AND (@From::date IS NULL OR trade_date >= @From) AND (@To::date IS NULL OR trade_date <= @To)
               AND (@Type::text IS NULL OR activity_type = @Type)
             ORDER BY trade_date, id
             """, new { portfolioId, filter.Symbol, filter.From, filter.To, Type = filter.Type?.Name(), cancellationToken }, transaction)];

    /// <summary>The activities of one symbol in the ledger's order, locked until the transaction ends.</summary>
    public static async Task<IReadOnlyList<StoredActivity>> ChainAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId,
        string symbol, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<StoredActivity>(SelectSql + " WHERE portfolio_id = @portfolioId AND symbol = @symbol ORDER BY trade_date, id FOR UPDATE",
            new { portfolioId, symbol, cancellationToken }, transaction)];

    /// <summary>The activities of several symbols (each symbol's in the ledger's order), locked until the transaction ends.</summary>
    public static async Task<IReadOnlyList<StoredActivity>> ChainsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId,
        IReadOnlyList<string> symbols, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<StoredActivity>(SelectSql + " WHERE portfolio_id = @portfolioId AND symbol = ANY(@Symbols) ORDER BY symbol, trade_date, id FOR UPDATE",
            new { portfolioId, Symbols = symbols.ToArray(), cancellationToken }, transaction)];

    /// <param name="forUpdate">Lock the row until the transaction ends (an edit reads what it changes).</param>
    public static async Task<StoredActivity> GetAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null, bool forUpdate = false) =>
        (await (forUpdate
            ? connection.QueryAsync<StoredActivity>(SelectSql + " WHERE id = @id FOR UPDATE", new { id, cancellationToken }, transaction)
            : connection.QueryAsync<StoredActivity>(SelectSql + " WHERE id = @id", new { id, cancellationToken }, transaction))).SingleOrDefault()
        ?? throw Missing(id);

    /// <summary>Stores a new activity with the position it leaves; its id.</summary>
    public static Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Activity activity, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>("""
            INSERT INTO activities (portfolio_id, activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate,
                ratio_from, ratio_to, stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note, position_quantity, position_avg_cost)
            VALUES (@PortfolioId, @Type, @TradeDate, @SettlementDate, @Symbol, @Quantity, @Price, @Amount, @Currency, @FxRate,
                @RatioFrom, @RatioTo, @StampDuty, @SfcLevy, @AfrcLevy, @TradingFee, @SettlementFee, @Commission, @Note, @PositionQuantity, @PositionAvgCost)
            RETURNING id
            """, ActivityValues.Of(activity, cancellationToken), transaction);

    /// <summary>Replaces a stored activity's fields (not its portfolio or symbol) and the position it leaves.</summary>
    public static async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Activity activity, CancellationToken cancellationToken)
    {
        var changed = await connection.ExecuteAsync("""
            UPDATE activities SET activity_type = @Type, trade_date = @TradeDate, settlement_date = @SettlementDate, quantity = @Quantity, price = @Price,
                amount = @Amount, currency = @Currency, fx_rate = @FxRate, ratio_from = @RatioFrom, ratio_to = @RatioTo, stamp_duty = @StampDuty,
                sfc_levy = @SfcLevy, afrc_levy = @AfrcLevy, trading_fee = @TradingFee, settlement_fee = @SettlementFee, commission = @Commission,
                note = @Note, position_quantity = @PositionQuantity, position_avg_cost = @PositionAvgCost, updated_at = LOCALTIMESTAMP
            WHERE id = @Id
            """, ActivityValues.Of(activity, cancellationToken), transaction);
        if (changed == 0)
        {
            throw Missing(activity.Id);
        }
    }

    /// <summary>Records the positions the activities now leave (those whose position changed only: each is one more journal row).</summary>
    public static Task SetLeavesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LeftPosition> positions,
        CancellationToken cancellationToken) =>
        positions.Count == 0 ? Task.CompletedTask : connection.ExecuteAsync("""
            UPDATE activities a SET position_quantity = s.quantity, position_avg_cost = s.avg_cost
            FROM unnest(@Ids, @Quantities, @AverageCosts) AS s(id, quantity, avg_cost) WHERE a.id = s.id
            """, new
        {
            Ids = positions.Select(p => p.Id).ToArray(), Quantities = positions.Select(p => p.Quantity).ToArray(),
            AverageCosts = positions.Select(p => p.AverageCost).ToArray(), cancellationToken,
        }, transaction);

    public static async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync("DELETE FROM activities WHERE id = @id", new { id, cancellationToken }, transaction) == 0)
        {
            throw Missing(id);
        }
    }

    public static HksException Missing(long id) =>
        HksException.Usage("ActivityMissing", $"there is no activity {id}: 'hks activity list PORTFOLIO' shows their ids");
}

/// <summary>Which activities a list shows; null shows all.</summary>
public sealed record ActivityFilter(string? Symbol = null, DateOnly? From = null, DateOnly? To = null, ActivityType? Type = null);

/// <summary>The position an activity leaves, as the ledger records it.</summary>
public sealed record LeftPosition(long Id, int Quantity, decimal AverageCost);
