using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using Npgsql;

namespace HkStrategy.Operations.Restore;

/// <summary>replace: the portfolio becomes exactly the backup's; merge: the backup's rows win, extras stay; missing-only: only what is missing is added.</summary>
public enum PortfolioRestoreMode
{
    Replace,
    Merge,
    MissingOnly,
}

/// <summary>What a selective restore changed (or, in a dry run, would change), by kind of change.</summary>
public sealed record PortfolioRestoreResult(
    string PortfolioId,
    string Mode,
    bool DryRun,
    IReadOnlyDictionary<string, int> Changes,
    IReadOnlyList<PositionChange> Positions)
{
    public bool ChangesNothing => Changes.Values.All(c => c == 0);
}

public sealed record PositionChange(string Change, string Symbol);

/// <summary>
/// <c>hks restore FILE --portfolio ID</c>: one portfolio's metadata, positions and their rules, its ledger (<see cref="PortfolioLedgerRestore"/>), its broker profile (<see cref="PortfolioBrokerRestore"/>), signals (legacy and TXYZN), price history and analyses
/// brought back from a backup copy in one transaction on the live database. Every statement names the portfolio, so
/// the others are not touched; rows are matched by content, so running it twice changes nothing the second time. A dry
/// run applies it inside the transaction and rolls back, so its counts are exactly what would happen.
/// </summary>
public static class PortfolioRestore
{
    public static string ModeText(PortfolioRestoreMode mode) => mode switch
    {
        PortfolioRestoreMode.Merge => "merge",
        PortfolioRestoreMode.MissingOnly => "missing-only",
        _ => "replace",
    };

    public static PortfolioRestoreMode ParseMode(string text) => text.ToLowerInvariant() switch
    {
        "replace" => PortfolioRestoreMode.Replace,
        "merge" => PortfolioRestoreMode.Merge,
        "missing-only" => PortfolioRestoreMode.MissingOnly,
        _ => throw HksException.Usage("UnknownRestoreMode", $"'{text}' is not a mode: replace, merge or missing-only"),
    };

    public static async Task<PortfolioRestoreResult> ApplyAsync(Database live, DatabaseTarget copy, string portfolioId, PortfolioRestoreMode mode, bool dryRun, CancellationToken cancellationToken)
    {
        PortfolioId.Require(portfolioId);
        await using var source = new NpgsqlConnection(copy.ConnectionString + ";Pooling=false");
        await source.OpenAsync(cancellationToken);
        if (!await source.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM portfolios WHERE portfolio_id = @portfolioId)", new { portfolioId, cancellationToken }))
        {
            throw HksException.Usage("PortfolioNotInBackup", $"the backup has no portfolio {portfolioId}");
        }
        var ledger = await PortfolioLedgerRestore.InAsync(source, cancellationToken);
        var brokers = await PortfolioBrokerRestore.InAsync(source, cancellationToken);
        await using var connection = await live.OpenAsync(cancellationToken);
        SchemaGuard.RequireVersion(await new SchemaMigrator(MigrationCatalog.Embedded).InspectAsync(connection, cancellationToken), MigrationCatalog.Embedded.Latest);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("SET LOCAL lock_timeout = '10s'; " + PortfolioRestoreSql.TemporaryTables + (ledger ? PortfolioLedgerRestore.TemporaryTable : "")
            + (brokers ? PortfolioBrokerRestore.TemporaryTable : ""),
            cancellationToken, transaction);
        (string Table, string Rows, string Target)[] copies =
        [
            .. PortfolioRestoreSql.Copies, .. ledger ? [("activities", "portfolio_id = {0}", "restore_activities")] : Array.Empty<(string, string, string)>(),
            .. brokers ? [PortfolioBrokerRestore.Copy] : Array.Empty<(string, string, string)>(),
        ];
        foreach (var (table, rows, target) in copies)
        {
            await CopyAsync(source, connection, transaction, table, string.Format(System.Globalization.CultureInfo.InvariantCulture, rows, "'" + portfolioId + "'"), target, cancellationToken);
        }
        var replacesLedger = ledger && mode == PortfolioRestoreMode.Replace;
        if (replacesLedger)
        {
            // The positions follow from the restored ledger below: their own writes are not recorded as adjustments.
            await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'on', true)", cancellationToken, transaction);
        }
        // Written from the column lists at start: no token with its parameters (see Run below).
        var positions = (await connection.QueryAsync<PositionChange>(PortfolioRestoreSql.PositionChanges, new { id = portfolioId }, transaction)).ToList();
        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        async Task Run(string name, string sql)
        {
            // One statement of several, checked for cancellation between them: Dapper.AOT 1.1 cannot pass a token
            // with parameters to SQL it does not see at build time.
            cancellationToken.ThrowIfCancellationRequested();
            changes[name] = sql.Contains("RETURNING", StringComparison.Ordinal)
                ? await connection.ExecuteScalarAsync<int>(sql, new { id = portfolioId }, transaction)
                : await connection.ExecuteAsync(sql, new { id = portfolioId }, transaction);
        }
        await Run("portfolio metadata", mode == PortfolioRestoreMode.MissingOnly ? PortfolioRestoreSql.InsertMissingMetadata : PortfolioRestoreSql.UpsertMetadata);
        if (ledger && !replacesLedger)
        {
            // Merged: the backup's activities the ledger lacks come first; the positions the restore then writes are
            // recorded as adjustments where they differ from what the merged ledger leaves.
            await Run("activities added", PortfolioLedgerRestore.InsertMissing);
            await PortfolioLedgerRestore.DeriveAsync(connection, transaction, portfolioId, cancellationToken);
        }
        // First, so the backup's signals already name the live ids of their runs when they are compared.
        await Run("signal runs added", PortfolioRestoreSql.InsertMissingRuns);
        if (mode == PortfolioRestoreMode.Replace)
        {
            await Run("TXYZN signals removed", PortfolioRestoreSql.DeleteExtraTxyzn);
            await Run("rules removed", PortfolioRestoreSql.DeleteExtraRules);
            await Run("signals removed", PortfolioRestoreSql.DeleteExtraSignals);
            await Run("price rows removed", PortfolioRestoreSql.DeleteExtraPrices);
            await Run("positions removed", PortfolioRestoreSql.DeleteExtraPositions);
            await Run("analyses removed", PortfolioRestoreSql.DeleteExtraAnalyses);
        }
        async Task<string> ValuesOf(string table) => (await connection.ExecuteScalarAsync<string?>(
            PortfolioRestoreSql.ValueColumns, new { table, cancellationToken }, transaction))!;
        var positionValues = await ValuesOf("portfolio_positions");
        if (mode != PortfolioRestoreMode.MissingOnly)
        {
            await Run("positions changed", PortfolioRestoreSql.UpdateChangedPositions(positionValues));
        }
        await Run("positions added", PortfolioRestoreSql.InsertMissingPositions(positionValues));
        await Run("signals added", PortfolioRestoreSql.InsertMissingSignals(await ValuesOf("trading_signals")));
        await Run("price rows added", PortfolioRestoreSql.InsertMissingPrices(await ValuesOf("price_history")));
        await Run("analyses added", PortfolioRestoreSql.InsertMissingAnalyses);
        if (mode != PortfolioRestoreMode.MissingOnly)
        {
            await Run("rules changed", PortfolioRestoreSql.UpdateChangedRules);
        }
        await Run("rules added", PortfolioRestoreSql.InsertMissingRules);
        if (mode != PortfolioRestoreMode.MissingOnly)
        {
            await Run("TXYZN signals changed", PortfolioRestoreSql.UpdateChangedTxyzn);
        }
        await Run("TXYZN signals added", PortfolioRestoreSql.InsertMissingTxyzn);
        if (brokers)
        {
            if (mode == PortfolioRestoreMode.Replace)
            {
                await Run("broker profile removed", PortfolioBrokerRestore.DeleteExtra);
            }
            await Run("broker profile set", mode == PortfolioRestoreMode.MissingOnly ? PortfolioBrokerRestore.InsertMissing : PortfolioBrokerRestore.Upsert);
        }
        if (replacesLedger)
        {
            await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'off', true)", cancellationToken, transaction);
            await Run("activities removed", PortfolioLedgerRestore.DeleteExtra);
            await Run("activities added", PortfolioLedgerRestore.InsertMissing);
            await PortfolioLedgerRestore.DeriveAsync(connection, transaction, portfolioId, cancellationToken);
        }
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }
        var relevant = mode == PortfolioRestoreMode.Replace ? positions : positions.Where(p => p.Change != "remove").ToList();
        return new PortfolioRestoreResult(portfolioId, mode.ToString(), dryRun, changes, mode == PortfolioRestoreMode.MissingOnly ? relevant.Where(p => p.Change == "add").ToList() : relevant);
    }

    /// <summary>Streams rows from the backup's copy into a temporary table on the live connection (binary COPY, explicit columns).</summary>
    private static async Task CopyAsync(NpgsqlConnection source, NpgsqlConnection live, NpgsqlTransaction transaction, string table, string rows, string target, CancellationToken cancellationToken)
    {
        // The columns both sides have: one the backup lacks stays empty; one only the backup has has no place to go.
        var liveColumns = await live.QueryAsync<string>(PortfolioRestoreSql.Columns, new { table, cancellationToken }, transaction);
        var backupColumns = await source.QueryAsync<string>(PortfolioRestoreSql.Columns, new { table, cancellationToken });
        var columns = string.Join(", ", liveColumns.Intersect(backupColumns, StringComparer.Ordinal));
        await using var reader = await source.BeginRawBinaryCopyAsync($"COPY (SELECT {columns} FROM public.{table} WHERE {rows}) TO STDOUT (FORMAT BINARY)", cancellationToken);
        await using var writer = await live.BeginRawBinaryCopyAsync($"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await reader.CopyToAsync(writer, cancellationToken);
    }

    /// <summary><c>--portfolios-metadata</c>: portfolio rows missing from the live database are created again; existing ones are never overwritten.</summary>
    public static async Task<IReadOnlyList<string>> RestoreMissingPortfoliosAsync(Database live, DatabaseTarget copy, CancellationToken cancellationToken)
    {
        await using var source = new NpgsqlConnection(copy.ConnectionString + ";Pooling=false");
        await source.OpenAsync(cancellationToken);
        await using var connection = await live.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("CREATE TEMP TABLE restore_portfolios (LIKE portfolios) ON COMMIT DROP", cancellationToken, transaction);
        await CopyAsync(source, connection, transaction, "portfolios", "true", "restore_portfolios", cancellationToken);
        var created = (await connection.QueryAsync<string>("""
            INSERT INTO portfolios (portfolio_id, name, description, created_at, updated_at)
            SELECT portfolio_id, name, description, created_at, updated_at FROM restore_portfolios
            ON CONFLICT (portfolio_id) DO NOTHING RETURNING portfolio_id
            """, cancellationToken, transaction)).ToList();
        await transaction.CommitAsync(cancellationToken);
        return created;
    }
}
