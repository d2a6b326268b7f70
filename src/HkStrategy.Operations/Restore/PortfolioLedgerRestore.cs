using HkStrategy.Core.Ledger;
using Dapper;
using HkStrategy.Operations.Ledger;
using Npgsql;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// The ledger's part of a selective restore, when the backup has one: the portfolio's activities matched by content
/// (each value a user gave, as many times as it occurs; not the ids, which the live database may have given to other
/// rows since), the backup's added in its order; the journal records each. Replace: the others are removed and every
/// chain derived again, so the positions are what the backup's ledger leaves. Merge and missing-only: the others stay,
/// and the positions the restore writes afterwards are recorded as adjustments where the merged ledger leaves others.
/// A position the ledger has nothing of gets its opening balance.
/// </summary>
internal static class PortfolioLedgerRestore
{
    private static readonly string[] ContentColumns =
    [
        "activity_type", "trade_date", "settlement_date", "symbol", "quantity", "price", "amount", "currency", "fx_rate", "ratio_from", "ratio_to",
        "stamp_duty", "sfc_levy", "afrc_levy", "trading_fee", "settlement_fee", "commission", "note",
    ];

    private static readonly string Content = string.Join(", ", ContentColumns);

    private static readonly string Numbered = $"row_number() OVER (PARTITION BY {Content} ORDER BY trade_date, id) AS occurrence";

    /// <summary>The content and its occurrence, of the rows an alias names.</summary>
    private static string Of(string alias) => "(" + string.Join(", ", ContentColumns.Append("occurrence").Select(c => alias + "." + c)) + ")";

    public const string TemporaryTable = "CREATE TEMP TABLE restore_activities (LIKE activities) ON COMMIT DROP;";

    public const string BackupHasLedger = "SELECT to_regclass('public.activities') IS NOT NULL";

    public static readonly string DeleteExtra = $"""
        WITH live AS (SELECT id, {Content}, {Numbered} FROM activities WHERE portfolio_id = @id),
             kept AS (SELECT {Content}, {Numbered} FROM restore_activities)
        DELETE FROM activities a USING live l
        WHERE a.id = l.id AND NOT EXISTS (SELECT 1 FROM kept k WHERE {Of("k")} IS NOT DISTINCT FROM {Of("l")})
        """;

    public static readonly string InsertMissing = $"""
        WITH live AS (SELECT {Content}, {Numbered} FROM activities WHERE portfolio_id = @id),
             backup AS (SELECT id, {Content}, {Numbered} FROM restore_activities)
        INSERT INTO activities (portfolio_id, {Content})
        SELECT @id, {Content} FROM backup b
        WHERE NOT EXISTS (SELECT 1 FROM live l WHERE {Of("l")} IS NOT DISTINCT FROM {Of("b")})
        ORDER BY b.trade_date, b.id
        """;

    /// <summary>Positions the ledger has nothing of: an opening balance each (written with the position triggers' rule).</summary>
    private const string OpenUnrecorded = """
        INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol, quantity, price, position_quantity, position_avg_cost, note)
        SELECT p.portfolio_id, 'opening', COALESCE(p.last_updated::date, CURRENT_DATE), p.symbol, p.quantity, p.avg_cost, p.quantity, p.avg_cost,
               'opening balance of a position restored without activities'
        FROM portfolio_positions p
        WHERE p.portfolio_id = @id AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.portfolio_id = p.portfolio_id AND a.symbol = p.symbol)
        ORDER BY p.id
        """;

    /// <summary>Derives every chain of the portfolio again and writes its positions; those without a ledger are opened.</summary>
    public static async Task DeriveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, CancellationToken cancellationToken)
    {
        var symbols = (await connection.QueryAsync<string>(
            "SELECT DISTINCT symbol FROM activities WHERE portfolio_id = @portfolioId AND symbol IS NOT NULL ORDER BY 1",
            new { portfolioId, cancellationToken }, transaction)).ToList();
        var chains = await ChainDerivation.DeriveManyAsync(connection, transaction, portfolioId, symbols,
            Array.Empty<Activity>().ToLookup(a => a.Symbol!, StringComparer.Ordinal), cancellationToken);
        await ChainDerivation.WritePositionsAsync(connection, transaction, portfolioId, chains.Chains, cancellationToken);
        await connection.ExecuteAsync(OpenUnrecorded, new { id = portfolioId, cancellationToken }, transaction);
    }

    public static async Task<bool> InAsync(NpgsqlConnection source, CancellationToken cancellationToken) =>
        await source.ExecuteScalarAsync<bool>(BackupHasLedger, cancellationToken);
}
