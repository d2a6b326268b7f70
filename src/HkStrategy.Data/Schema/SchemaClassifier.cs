using Dapper;
using Npgsql;

namespace HkStrategy.Data.Schema;

/// <summary>
/// Recognises the prototype's databases from their tables and columns: empty, v1, the transitional shape, v2,
/// or unknown (anything else, including a half-finished migration).
/// </summary>
public static class SchemaClassifier
{
    public static readonly string[] LegacyTables =
        ["portfolio_positions", "trading_signals", "price_history", "portfolio_analyses", "portfolio_value_history"];

    public static readonly string[] TransitionalTables =
        ["portfolios", "portfolio_holdings", "strategies", "equity_strategy_analyses", "portfolio_analysis_equities",
         "portfolio_analysis_equity_strategies", "strategy_signals"];

    /// <summary>The tables version 3 adds: all of them, or none, or the database is half-migrated.</summary>
    public static readonly string[] MarketDataTables =
        ["daily_bars", "symbol_events", "position_rules", "signal_strategies", "signal_runs", "signals"];

    /// <summary>The columns version 4 adds to position_rules.</summary>
    public static readonly string[] OverlayColumns = ["trim_min", "tactical_stop", "buy_only"];

    /// <summary>The tables version 5 adds: the activity ledger and its journal.</summary>
    public static readonly string[] LedgerTables = ["activities", "activity_journal"];

    /// <summary>The table version 6 adds: each portfolio's broker profile.</summary>
    public static readonly string[] BrokerTables = ["broker_profiles"];

    /// <summary>The table version 7 adds: each symbol's closes packed in one row, kept by daily_bars' triggers.</summary>
    public static readonly string[] SeriesTables = ["close_series"];

    /// <summary>The newest version the tables alone can tell apart.</summary>
    public const int HighestRecognisedVersion = 7;

    private static readonly string[] PortfolioScopedTables = ["portfolio_positions", "trading_signals", "price_history"];

    private static readonly string[] PositionColumns = ["id", "symbol", "quantity", "avg_cost", "current_price", "market_value", "unrealized_pnl"];

    private const string ColumnsSql = """
        SELECT c.relname AS "Table", a.attname AS "Column"
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
        """;

    /// <summary>hks's version 2 keys positions by portfolio: portfolio_id NOT NULL and UNIQUE (portfolio_id, symbol).</summary>
    private const string PortfolioKeysSql = """
        SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('public.portfolio_positions') AND attname = 'portfolio_id' AND attnotnull)
           AND EXISTS (SELECT 1 FROM pg_constraint k
                       WHERE k.conrelid = to_regclass('public.portfolio_positions') AND k.contype IN ('u', 'p')
                         AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
                              WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)) = ARRAY['portfolio_id', 'symbol'])
        """;

    /// <param name="recorded">The database has hks's version record: its tables are then read as what hks made, even if damaged.</param>
    public static async Task<SchemaClassification> ClassifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken, bool recorded = false)
    {
        // Read with plain readers: every command checks the schema first, and a materialiser emitted for it would be
        // paid for at each start.
        var columns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(ColumnsSql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var names))
                {
                    columns[table] = names = new HashSet<string>(StringComparer.Ordinal);
                }
                if (!reader.IsDBNull(1))
                {
                    names.Add(reader.GetString(1));
                }
            }
        }
        var portfolioKeys = false;
        if (columns.ContainsKey("portfolio_positions"))
        {
            await using var keys = new NpgsqlCommand(PortfolioKeysSql, connection);
            portfolioKeys = await keys.ExecuteScalarAsync(cancellationToken) is true;
        }
        return Classify(columns, portfolioKeys, recorded);
    }

    /// <param name="portfolioKeys">portfolio_positions has hks's keys (portfolio_id NOT NULL, UNIQUE (portfolio_id, symbol)).</param>
    /// <param name="recorded">hks recorded the database's version.</param>
    public static SchemaClassification Classify(IReadOnlyDictionary<string, HashSet<string>> columns, bool portfolioKeys = true, bool recorded = false)
    {
        // The prototype's remove_old_analysis_tables.sql dropped portfolio_analyses, and its create_new_analysis_schema.sql
        // may have made one of another shape: an unrecorded prototype database is adopted all the same, the table
        // made again (the other kept as prototype_analyses).
        var analyses = recorded ? null : AnalysesToRecreate(columns);
        var shape = ClassifyShape(columns, portfolioKeys, recorded, analyses is not null);
        return analyses is null || shape.Shape is SchemaShape.Empty or SchemaShape.Unknown ? shape
            : shape.Shape is SchemaShape.SinglePortfolio or SchemaShape.Transitional or SchemaShape.PrototypeMultiPortfolio
                ? shape with { Recreates = [analyses, .. shape.Recreates] }
                : new(SchemaShape.Unknown, null, $"{shape.Label} tables, but without hks's {analyses}");
    }

    private static string? AnalysesToRecreate(IReadOnlyDictionary<string, HashSet<string>> columns) =>
        columns.Count == 0 || !columns.ContainsKey("portfolio_positions") ? null
        : !columns.TryGetValue("portfolio_analyses", out var analyses) ? "portfolio_analyses (the prototype's remove_old_analysis_tables.sql dropped it)"
        : !analyses.Contains("name") ? "portfolio_analyses (the prototype's create_new_analysis_schema.sql reshaped it: that one is kept as prototype_analyses)"
        : null;

    private static SchemaClassification ClassifyShape(IReadOnlyDictionary<string, HashSet<string>> columns, bool portfolioKeys, bool recorded, bool analysesRecreated)
    {
        if (columns.Count == 0)
        {
            return new(SchemaShape.Empty, 0, "no tables in schema public");
        }
        if (PrototypeVersion2(columns, portfolioKeys, recorded) is { } prototype)
        {
            return prototype;
        }
        var missing = LegacyTables.Where(t => !columns.ContainsKey(t) && !(analysesRecreated && t == "portfolio_analyses")).ToList();
        if (missing.Count > 0)
        {
            return new(SchemaShape.Unknown, null, $"tables of the legacy schema are missing: {string.Join(", ", missing)}");
        }
        var missingColumns = PositionColumns.Where(c => !columns["portfolio_positions"].Contains(c)).ToList();
        if (missingColumns.Count > 0)
        {
            return new(SchemaShape.Unknown, null, $"portfolio_positions lacks {string.Join(", ", missingColumns)}");
        }
        var withPortfolioId = PortfolioScopedTables.Count(t => columns[t].Contains("portfolio_id"));
        // Without hks's keys and without the version-3 tables: the prototype's own migration made it. With the
        // version-3 tables and no version record, something else made it: not guessed. (With a record, the record
        // decides; a damaged hks database still reads as multi-portfolio.)
        if (withPortfolioId == 3 && columns.ContainsKey("portfolios") && !portfolioKeys && !recorded && MarketDataTables.Any(columns.ContainsKey))
        {
            return new(SchemaShape.Unknown, null, "version-3 tables without hks's keys on portfolio_positions (portfolio_id required, UNIQUE (portfolio_id, symbol)) and no version record");
        }
        if (withPortfolioId == 3 && columns.ContainsKey("portfolios"))
        {
            var marketData = MarketDataTables.Count(columns.ContainsKey);
            var ledger = LedgerTables.Count(columns.ContainsKey);
            var brokers = BrokerTables.All(columns.ContainsKey);
            var series = SeriesTables.All(columns.ContainsKey);
            if (ledger > 0 || brokers || series)
            {
                var complete = ledger == LedgerTables.Length && marketData == MarketDataTables.Length && OverlayColumns.All(columns["position_rules"].Contains);
                return !complete
                    ? new(SchemaShape.Unknown, null, $"the activity ledger's tables without all of version 4's, or without {string.Join(", ", LedgerTables.Where(t => !columns.ContainsKey(t)).DefaultIfEmpty("them"))} (a half-finished migration?)")
                    : series && !brokers
                        ? new(SchemaShape.Unknown, null, "close_series without broker_profiles (a half-finished migration?)")
                    : series
                        ? new(SchemaShape.MultiPortfolio, 7, "multi-portfolio with market data, signals, the positions' overlays, the activity ledger, broker profiles and close series")
                    : brokers
                        ? new(SchemaShape.MultiPortfolio, 6, "multi-portfolio with market data, signals, the positions' overlays, the activity ledger and broker profiles")
                        : new(SchemaShape.MultiPortfolio, 5, "multi-portfolio with market data, signals, the positions' overlays and the activity ledger");
            }
            return marketData switch
            {
                0 => new(SchemaShape.MultiPortfolio, 2, "portfolio_id on positions, signals and prices"),
                _ when marketData == MarketDataTables.Length && OverlayColumns.All(columns["position_rules"].Contains) =>
                    new(SchemaShape.MultiPortfolio, 4, "multi-portfolio with daily bars, rules with the prototype's overlays and the signal store"),
                _ when marketData == MarketDataTables.Length => new(SchemaShape.MultiPortfolio, 3, "multi-portfolio with daily bars, rules and the signal store"),
                _ => new(SchemaShape.Unknown, null,
                    $"some of the version-3 tables exist but not {string.Join(", ", MarketDataTables.Where(t => !columns.ContainsKey(t)))} (a half-finished migration?)"),
            };
        }
        if (withPortfolioId > 0)
        {
            return new(SchemaShape.Unknown, null, "portfolio_id is on some of portfolio_positions, trading_signals and price_history but not all (a half-finished migration?)");
        }
        return TransitionalTables.Any(columns.ContainsKey)
            ? new(SchemaShape.Transitional, 1, "legacy tables plus the prototype's multi-portfolio tables")
            : new(SchemaShape.SinglePortfolio, 1, "legacy single-portfolio tables");
    }

    /// <summary>
    /// The prototype's own version 2 (its migration_v1_to_v2.sql: portfolio_id on positions, signals and prices, without
    /// hks's keys, no version-3 tables), also after its later scripts dropped portfolio_analyses or gave it another shape,
    /// and without the dashboard's tables (the migration run on a database the dashboard never opened). Null otherwise.
    /// </summary>
    private static SchemaClassification? PrototypeVersion2(IReadOnlyDictionary<string, HashSet<string>> columns, bool portfolioKeys, bool recorded)
    {
        var shaped = !portfolioKeys && !recorded && columns.ContainsKey("portfolios") && !MarketDataTables.Any(columns.ContainsKey)
            && PortfolioScopedTables.All(t => columns.TryGetValue(t, out var c) && c.Contains("portfolio_id"))
            && PositionColumns.All(columns["portfolio_positions"].Contains)
            && LegacyTables.All(t => t == "portfolio_analyses" || columns.ContainsKey(t));
        if (!shaped)
        {
            return null;
        }
        var dashboard = TransitionalTables.Where(t => t != "portfolios" && !columns.ContainsKey(t)).ToList();
        return new(SchemaShape.PrototypeMultiPortfolio, 2, "portfolio_id on positions, signals and prices, nullable, with UNIQUE(symbol): the prototype's own migration")
        {
            Recreates = dashboard.Count == 0 ? [] : [$"the dashboard's {string.Join(", ", dashboard)}"],
        };
    }
}
