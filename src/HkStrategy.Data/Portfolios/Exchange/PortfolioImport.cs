using System.Text.Json;
using Dapper;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Brokers;
using HkStrategy.Data.Connection;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Signals;
using Npgsql;

namespace HkStrategy.Data.Portfolios.Exchange;

/// <summary>
/// Brings a <see cref="PortfolioDocument"/> in, in one transaction, matching by content so that importing the same
/// document twice changes nothing the second time: positions by symbol (updated where they differ), events by symbol,
/// day and description, analyses by name and period (replaced where they differ). Nothing is deleted.
/// </summary>
public static class PortfolioImport
{
    /// <summary>
    /// Imports (or with <paramref name="dryRun"/> previews) the document. <paramref name="onlyAdd"/> is for an import
    /// that was previewed as adding rows only, and so neither confirmed nor backed up: should rows have appeared since
    /// that it would change, nothing is written and it is refused.
    /// </summary>
    /// <param name="ledger">
    /// For a document that carries the ledger (<see cref="PortfolioDocument.HasLedger"/>): brings its activities in, in
    /// the import's transaction, after the positions' rows are written (quantities as the document gives them, not
    /// recorded as adjustments), deriving the positions they change; what it added and moved.
    /// </param>
    public static async Task<ImportOutcome> ApplyAsync(NpgsqlConnection connection, PortfolioDocument document, string portfolioId, bool dryRun, CancellationToken cancellationToken,
        bool onlyAdd = false, Func<NpgsqlTransaction, Task<LedgerImported>>? ledger = null)
    {
        if (document.HasLedger && ledger is null)
        {
            throw new ArgumentException("a document with its ledger is imported with the ledger's import", nameof(ledger));
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var p = document.Portfolio;
        var created = await connection.ExecuteAsync(
            """
            INSERT INTO portfolios (portfolio_id, name, description, created_at, updated_at)
            VALUES (@PortfolioId, @Name, @Description, COALESCE(@CreatedAt, LOCALTIMESTAMP), COALESCE(@UpdatedAt, LOCALTIMESTAMP))
            ON CONFLICT (portfolio_id) DO NOTHING
            """, new PortfolioRow(portfolioId, p.Name, p.Description, WallClock.Of(p.CreatedAt), WallClock.Of(p.UpdatedAt), cancellationToken), transaction) > 0;
        // Set-based: one statement for all positions, one for all rules (symbols are unique in a document), so 100,000 positions take seconds.
        var rows = Columns(document.Positions);
        var (added, updated, ledgerImported) = ledger is null
            ? await UpsertPositionsAsync(connection, transaction, portfolioId, rows, cancellationToken)
            : await WritePositionsWithLedgerAsync(connection, transaction, portfolioId, rows, DocumentSymbols(document), ledger, cancellationToken);
        if (document.Positions.Count >= LargeDocument)
        {
            // The statistics as this transaction sees the table: autovacuum may have counted it (empty, as the import's rows
            // were not committed) meanwhile, after which the rules' foreign-key check scanned all positions for each rule:
            // 100,000 rules took minutes instead of a second. ANALYZE counts the transaction's own rows.
            await connection.ExecuteAsync("ANALYZE portfolio_positions", cancellationToken, transaction);
        }
        var rules = (await connection.QueryAsync<bool>(UpsertRules,
            new { portfolioId, rows.Symbols, rows.Targets, rows.Stops, rows.ZoneLows, rows.ZoneHighs, rows.TrimMins, rows.TacticalStops, rows.BuyOnly, overlays = document.HasOverlays, cancellationToken }, transaction)).ToList();
        // A version 1 document keeps the gates but sets the add zone: a gate left without its zone is refused, not kept.
        if (await connection.ExecuteScalarAsync<string?>(
                "SELECT string_agg(symbol, ', ' ORDER BY symbol) FROM position_rules WHERE portfolio_id = @portfolioId AND add_zone_low IS NULL AND 'in-add-zone' = ANY(buy_only)",
                new { portfolioId, cancellationToken }, transaction) is { } zoneless)
        {
            throw HksException.Usage("InvalidDocument",
                $"the document cannot be imported: {zoneless} would buy only in-add-zone without an add zone; give the zone in the document, or remove that rule first");
        }
        int rulesAdded = rules.Count(isNew => isNew), rulesChanged = rules.Count - rulesAdded;
        var events = 0;
        foreach (var e in document.Events)
        {
            events += await connection.ExecuteAsync(
                "INSERT INTO symbol_events (symbol, event_date, description) VALUES (@Symbol, @Date, @Description) ON CONFLICT DO NOTHING",
                new { e.Symbol, e.Date, e.Description, cancellationToken }, transaction);
        }
        var (analysesAdded, analysesReplaced) = await ImportAnalysesAsync(connection, transaction, document, portfolioId, cancellationToken);
        var (brokerAdded, brokerChanged) = await ImportBrokerAsync(connection, transaction, document.Broker, portfolioId, cancellationToken);
        var outcome = new ImportOutcome(created, added, updated, events, analysesAdded, analysesReplaced)
        {
            RulesAdded = rulesAdded, RulesChanged = rulesChanged, ActivitiesAdded = ledgerImported.Added, ActivitiesMoved = ledgerImported.Moved, BrokerAdded = brokerAdded, BrokerChanged = brokerChanged,
        };
        if (onlyAdd && !dryRun && outcome.ChangesExistingRows)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw HksException.Refused("ImportChangedMeanwhile",
                $"rows of {portfolioId} changed since the preview, and importing would now change them: nothing was imported; preview it again");
        }
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    /// <summary>A document of this many positions or more has the positions' statistics brought up to date before its rules are written.</summary>
    public const int LargeDocument = 1000;

    private static async Task<(int Added, int Updated, LedgerImported Activities)> UpsertPositionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId,
        PositionColumns rows, CancellationToken cancellationToken)
    {
        var positions = (await connection.QueryAsync<bool>(UpsertPositions,
            new { portfolioId, rows.Symbols, rows.Companies, rows.Quantities, rows.Costs, rows.Prices, rows.Sectors, rows.Updated, cancellationToken }, transaction)).ToList();
        var added = positions.Count(isNew => isNew);
        return (added, positions.Count - added, new LedgerImported(0, 0));
    }

    /// <summary>The symbols of a document's positions and activities, each once.</summary>
    private static string[] DocumentSymbols(PortfolioDocument document) =>
        [.. document.Positions.Select(p => p.Symbol).Concat(document.Activities.Where(a => a.Symbol is not null).Select(a => a.Symbol!)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The portfolio's ledger locked first (so that no other change of it, cash included, is planned or written
    /// meanwhile: two imports of one document cannot both add its activities), then a new position's row as the
    /// document gives it and an existing one's name, price and sector, all with <c>hks.deriving</c> on (the ledger
    /// records them, not the trigger); then the ledger's activities, which derive the shares and average cost. What
    /// was added and changed is counted by comparing the document's rows before and after.
    /// </summary>
    private static async Task<(int Added, int Updated, LedgerImported Activities)> WritePositionsWithLedgerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string portfolioId, PositionColumns rows, string[] symbols, Func<NpgsqlTransaction, Task<LedgerImported>> ledger, CancellationToken cancellationToken)
    {
        await DerivedPositions.LockLedgerAsync(connection, transaction, portfolioId, cancellationToken);
        var before = await PositionStatesAsync(connection, transaction, portfolioId, symbols, cancellationToken);
        await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'on', true)", cancellationToken, transaction);
        await connection.ExecuteAsync(InsertDescribedPositions,
            new { portfolioId, rows.Symbols, rows.Companies, rows.Quantities, rows.Costs, rows.Prices, rows.Sectors, rows.Updated, cancellationToken }, transaction);
        await connection.ExecuteAsync("SELECT set_config('hks.deriving', 'off', true)", cancellationToken, transaction);
        var activities = await ledger(transaction);
        var after = await PositionStatesAsync(connection, transaction, portfolioId, symbols, cancellationToken);
        return (after.Keys.Count(symbol => !before.ContainsKey(symbol)), after.Count(a => before.TryGetValue(a.Key, out var b) && b != a.Value), activities);
    }

    private static async Task<Dictionary<string, PositionState>> PositionStatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId,
        string[] symbols, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PositionState>(
            """
            SELECT symbol AS "Symbol", quantity AS "Quantity", avg_cost AS "AverageCost", company_name AS "CompanyName", current_price AS "CurrentPrice", sector AS "Sector"
            FROM portfolio_positions WHERE portfolio_id = @portfolioId AND symbol = ANY(@symbols)
            """, new { portfolioId, symbols, cancellationToken }, transaction)).ToDictionary(p => p.Symbol, StringComparer.Ordinal);

    internal sealed record PositionState(string Symbol, int? Quantity, decimal? AverageCost, string? CompanyName, decimal? CurrentPrice, string? Sector);

    private const string InsertDescribedPositions = """
        INSERT INTO portfolio_positions AS p (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
        SELECT @portfolioId, i.symbol, i.company_name, i.quantity, i.avg_cost, i.current_price, i.sector, COALESCE(i.last_updated, LOCALTIMESTAMP)
        FROM unnest(@Symbols::text[], @Companies::text[], @Quantities::int[], @Costs::numeric[], @Prices::numeric[], @Sectors::text[], @Updated::timestamp[])
             AS i(symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
        ON CONFLICT (portfolio_id, symbol) DO UPDATE SET company_name = EXCLUDED.company_name, current_price = EXCLUDED.current_price, sector = EXCLUDED.sector
        WHERE (p.company_name, p.current_price, p.sector) IS DISTINCT FROM (EXCLUDED.company_name, EXCLUDED.current_price, EXCLUDED.sector)
        """;

    /// <summary>The document's broker profile set (none in the document: the portfolio's is left as it is).</summary>
    private static async Task<(bool Added, bool Changed)> ImportBrokerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ExportedBroker? broker,
        string portfolioId, CancellationToken cancellationToken)
    {
        if (broker is null)
        {
            return (false, false);
        }
        var current = await BrokerProfileStore.FindAsync(connection, portfolioId, cancellationToken, transaction);
        var wanted = new StoredBrokerProfile(portfolioId, broker.Broker, broker.CommissionRate, broker.CommissionMinimum, broker.PlatformFee);
        if (current == wanted)
        {
            return (false, false);
        }
        await BrokerProfileStore.SetAsync(connection, wanted, cancellationToken, transaction);
        return (current is null, current is not null);
    }

    private const string UpsertPositions = """
        INSERT INTO portfolio_positions AS p (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
        SELECT @portfolioId, i.symbol, i.company_name, i.quantity, i.avg_cost, i.current_price, i.sector, COALESCE(i.last_updated, LOCALTIMESTAMP)
        FROM unnest(@Symbols::text[], @Companies::text[], @Quantities::int[], @Costs::numeric[], @Prices::numeric[], @Sectors::text[], @Updated::timestamp[])
             AS i(symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
        ON CONFLICT (portfolio_id, symbol) DO UPDATE SET company_name = EXCLUDED.company_name, quantity = EXCLUDED.quantity,
            avg_cost = EXCLUDED.avg_cost, current_price = EXCLUDED.current_price, sector = EXCLUDED.sector, last_updated = EXCLUDED.last_updated
        WHERE (p.company_name, p.quantity, p.avg_cost, p.current_price, p.sector)
              IS DISTINCT FROM (EXCLUDED.company_name, EXCLUDED.quantity, EXCLUDED.avg_cost, EXCLUDED.current_price, EXCLUDED.sector)
        RETURNING (xmax = 0)
        """;

    // The gates travel as comma-joined names (unnest cannot take an array per row). A version 1 document (@overlays
    // false) has no overlays: those of existing rules are kept, not cleared.
    private const string UpsertRules = """
        INSERT INTO position_rules AS r (portfolio_id, symbol, target_sell, stop_loss, add_zone_low, add_zone_high, trim_min, tactical_stop, buy_only)
        SELECT @portfolioId, i.symbol, i.target_sell, i.stop_loss, i.add_zone_low, i.add_zone_high, i.trim_min, i.tactical_stop,
               COALESCE(string_to_array(NULLIF(i.buy_only, ''), ','), '{}')::varchar(20)[]
        FROM unnest(@Symbols::text[], @Targets::numeric[], @Stops::numeric[], @ZoneLows::numeric[], @ZoneHighs::numeric[],
                    @TrimMins::numeric[], @TacticalStops::numeric[], @BuyOnly::text[])
             AS i(symbol, target_sell, stop_loss, add_zone_low, add_zone_high, trim_min, tactical_stop, buy_only)
        WHERE COALESCE(i.target_sell, i.stop_loss, i.add_zone_low, i.add_zone_high, i.trim_min, i.tactical_stop) IS NOT NULL OR i.buy_only <> ''
        ON CONFLICT (portfolio_id, symbol) DO UPDATE SET target_sell = EXCLUDED.target_sell, stop_loss = EXCLUDED.stop_loss,
            add_zone_low = EXCLUDED.add_zone_low, add_zone_high = EXCLUDED.add_zone_high,
            trim_min = CASE WHEN @overlays THEN EXCLUDED.trim_min ELSE r.trim_min END,
            tactical_stop = CASE WHEN @overlays THEN EXCLUDED.tactical_stop ELSE r.tactical_stop END,
            buy_only = CASE WHEN @overlays THEN EXCLUDED.buy_only ELSE r.buy_only END,
            updated_at = now()
        WHERE (r.target_sell, r.stop_loss, r.add_zone_low, r.add_zone_high)
              IS DISTINCT FROM (EXCLUDED.target_sell, EXCLUDED.stop_loss, EXCLUDED.add_zone_low, EXCLUDED.add_zone_high)
           OR (@overlays AND (r.trim_min, r.tactical_stop, r.buy_only) IS DISTINCT FROM (EXCLUDED.trim_min, EXCLUDED.tactical_stop, EXCLUDED.buy_only))
        RETURNING (xmax = 0)
        """;

    private sealed record PositionColumns(
        string[] Symbols, string?[] Companies, int[] Quantities, decimal[] Costs, decimal[] Prices, string?[] Sectors, DateTime?[] Updated,
        decimal?[] Targets, decimal?[] Stops, decimal?[] ZoneLows, decimal?[] ZoneHighs, decimal?[] TrimMins, decimal?[] TacticalStops, string[] BuyOnly);

    private static PositionColumns Columns(IReadOnlyList<ExportedPosition> p) => new(
        [.. p.Select(x => x.Symbol)], [.. p.Select(x => x.CompanyName)], [.. p.Select(x => x.Quantity)], [.. p.Select(x => x.AverageCost)],
        [.. p.Select(x => x.CurrentPrice)], [.. p.Select(x => x.Sector)], [.. p.Select(x => x.LastUpdated)],
        [.. p.Select(x => x.TargetSell)], [.. p.Select(x => x.StopLoss)], [.. p.Select(x => x.AddZoneLow)], [.. p.Select(x => x.AddZoneHigh)],
        [.. p.Select(x => x.TrimMin)], [.. p.Select(x => x.TacticalStop)], [.. p.Select(x => string.Join(',', BuyGateNames.Names(BuyGateNames.Parse(x.Symbol, x.BuyOnly))))]);


    private static async Task<(int Added, int Replaced)> ImportAnalysesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PortfolioDocument document, string portfolioId, CancellationToken cancellationToken)
    {
        if (document.Analyses.Count == 0)
        {
            return (0, 0);
        }
        // Analyses are matched by name and period; of several alike (made before names were kept apart) the first counts.
        var existing = (await PortfolioExport.ReadAnalysesAsync(connection, transaction, portfolioId, cancellationToken))
            .GroupBy(a => (a.Analysis.Name, a.Analysis.StartDate, a.Analysis.EndDate)).ToDictionary(g => g.Key, g => g.First());
        int added = 0, replaced = 0;
        foreach (var analysis in document.Analyses.DistinctBy(a => (a.Name, a.StartDate, a.EndDate)))
        {
            if (existing.TryGetValue((analysis.Name, analysis.StartDate, analysis.EndDate), out var found))
            {
                if (Same(found.Analysis, analysis))
                {
                    continue;
                }
                await connection.ExecuteAsync("DELETE FROM portfolio_analyses WHERE id = @Id", new { found.Id, cancellationToken }, transaction);
                replaced++;
            }
            else
            {
                added++;
            }
            await AnalysisRows.InsertAsync(connection, transaction, portfolioId, analysis, cancellationToken);
        }
        return (added, replaced);
    }

    private static bool Same(ExportedAnalysis a, ExportedAnalysis b) =>
        JsonSerializer.Serialize(a with { CreatedAt = null }, DataJson.Default.ExportedAnalysis) == JsonSerializer.Serialize(b with { CreatedAt = null }, DataJson.Default.ExportedAnalysis);
}

/// <summary>A portfolio's row as a document gives it; its times are <c>timestamp</c> (Dapper.AOT would send DateTime as timestamptz).</summary>
internal sealed record PortfolioRow(
    string PortfolioId, string Name, string? Description,
    [property: DbValue(DbType = System.Data.DbType.DateTime2)] DateTime? CreatedAt,
    [property: DbValue(DbType = System.Data.DbType.DateTime2)] DateTime? UpdatedAt,
    CancellationToken CancellationToken);
