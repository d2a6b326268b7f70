using HkStrategy.Data.Schema;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// The set-based statements of a selective restore, run on the live database inside one transaction against temporary
/// tables loaded from the backup's copy. Every statement is scoped to one portfolio (@id); rows are matched by
/// content, not id, so a second run finds nothing to do.
/// </summary>
internal static class PortfolioRestoreSql
{
    public const string TemporaryTables = """
        CREATE TEMP TABLE restore_portfolios (LIKE portfolios) ON COMMIT DROP;
        CREATE TEMP TABLE restore_positions (LIKE portfolio_positions) ON COMMIT DROP;
        CREATE TEMP TABLE restore_signals (LIKE trading_signals) ON COMMIT DROP;
        CREATE TEMP TABLE restore_prices (LIKE price_history) ON COMMIT DROP;
        CREATE TEMP TABLE restore_analyses (LIKE portfolio_analyses) ON COMMIT DROP;
        CREATE TEMP TABLE restore_value_history (LIKE portfolio_value_history) ON COMMIT DROP;
        CREATE TEMP TABLE restore_rules (LIKE position_rules) ON COMMIT DROP;
        CREATE TEMP TABLE restore_runs (LIKE signal_runs) ON COMMIT DROP;
        CREATE TEMP TABLE restore_txyzn (LIKE signals) ON COMMIT DROP;
        """;

    /// <summary>What is copied out of the backup's copy: table, which rows ({0}: the quoted portfolio id), temporary table.</summary>
    public static readonly (string Table, string Rows, string Target)[] Copies =
    [
        ("portfolios", "portfolio_id = {0}", "restore_portfolios"),
        ("portfolio_positions", "portfolio_id = {0}", "restore_positions"),
        ("trading_signals", "portfolio_id = {0}", "restore_signals"),
        ("price_history", "portfolio_id = {0}", "restore_prices"),
        ("portfolio_analyses", "portfolio_id = {0}", "restore_analyses"),
        ("portfolio_value_history", "analysis_id IN (SELECT id FROM portfolio_analyses WHERE portfolio_id = {0})", "restore_value_history"),
        ("position_rules", "portfolio_id = {0}", "restore_rules"),
        ("signal_runs", "id IN (SELECT run_id FROM signals WHERE portfolio_id = {0})", "restore_runs"),
        ("signals", "portfolio_id = {0}", "restore_txyzn"),
    ];

    /// <summary>A table's columns, quoted, in order; generated ones left out (they cannot be written).</summary>
    public const string Columns = """
        SELECT format('%I', column_name)
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table AND is_generated = 'NEVER'
        ORDER BY ordinal_position
        """;

    /// <summary>
    /// Every column a restored row of the table brings, besides its id and portfolio_id: hks's own and any the prototype
    /// or the user added (so no value of theirs is dropped).
    /// </summary>
    public const string ValueColumns = """
        SELECT string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position)
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = @table AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'portfolio_id')
        """;

    private const string SignalColumns = "symbol, signal_type, signal_strength, price, volume, rsi, ma_5, ma_20, ma_50, bollinger_upper, bollinger_lower, created_at";
    private const string AnalysisColumns = "name, start_date, end_date, created_at, user_notes, start_pv, end_pv, total_return, max_drawdown, volatility";

    public const string UpsertMetadata = """
        INSERT INTO portfolios (portfolio_id, name, description, created_at, updated_at)
        SELECT portfolio_id, name, description, created_at, updated_at FROM restore_portfolios
        ON CONFLICT (portfolio_id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
            created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
        WHERE (portfolios.name, portfolios.description, portfolios.created_at, portfolios.updated_at)
            IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.created_at, EXCLUDED.updated_at)
        """;

    public const string InsertMissingMetadata = """
        INSERT INTO portfolios (portfolio_id, name, description, created_at, updated_at)
        SELECT portfolio_id, name, description, created_at, updated_at FROM restore_portfolios
        ON CONFLICT (portfolio_id) DO NOTHING
        """;

    public const string DeleteExtraSignals = $"""
        DELETE FROM trading_signals s WHERE s.portfolio_id = @id
          AND NOT EXISTS (SELECT 1 FROM restore_signals r WHERE ({SignalColumns}) IS NOT DISTINCT FROM (s.symbol, s.signal_type, s.signal_strength, s.price, s.volume, s.rsi, s.ma_5, s.ma_20, s.ma_50, s.bollinger_upper, s.bollinger_lower, s.created_at))
        """;

    public const string DeleteExtraPrices = """
        DELETE FROM price_history h WHERE h.portfolio_id = @id
          AND NOT EXISTS (SELECT 1 FROM restore_prices r WHERE (r.symbol, r.price, r.volume, r.high, r.low, r.open_price, r.close_price, r."timestamp")
                          IS NOT DISTINCT FROM (h.symbol, h.price, h.volume, h.high, h.low, h.open_price, h.close_price, h."timestamp"))
        """;

    public const string DeleteExtraPositions = """
        DELETE FROM portfolio_positions p WHERE p.portfolio_id = @id
          AND NOT EXISTS (SELECT 1 FROM restore_positions r WHERE r.symbol = p.symbol)
        """;

    /// <param name="values">The position's <see cref="ValueColumns"/> (symbol among them).</param>
    public static string UpdateChangedPositions(string values)
    {
        var changed = string.Join(", ", values.Split(", ").Where(c => c != "symbol"));
        var own = string.Join(", ", changed.Split(", ").Select(c => "r." + c));
        var live = string.Join(", ", changed.Split(", ").Select(c => "p." + c));
        return $"""
            UPDATE portfolio_positions p SET ({changed}) = ROW({own})
            FROM restore_positions r
            WHERE p.portfolio_id = @id AND r.symbol = p.symbol AND ({live}) IS DISTINCT FROM ({own})
            """;
    }

    public static string InsertMissingPositions(string values) => $"""
        INSERT INTO portfolio_positions (portfolio_id, {values})
        SELECT @id, {values} FROM restore_positions r
        WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = @id AND p.symbol = r.symbol)
        """;

    /// <summary>Signals matched by hks's columns (their content), written with every column they bring.</summary>
    public static string InsertMissingSignals(string values) => $"""
        INSERT INTO trading_signals (portfolio_id, {values})
        SELECT @id, {values} FROM restore_signals r
        WHERE NOT EXISTS (SELECT 1 FROM trading_signals s WHERE s.portfolio_id = @id
            AND (s.symbol, s.signal_type, s.signal_strength, s.price, s.volume, s.rsi, s.ma_5, s.ma_20, s.ma_50, s.bollinger_upper, s.bollinger_lower, s.created_at)
                IS NOT DISTINCT FROM (r.symbol, r.signal_type, r.signal_strength, r.price, r.volume, r.rsi, r.ma_5, r.ma_20, r.ma_50, r.bollinger_upper, r.bollinger_lower, r.created_at))
          AND EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = @id AND p.symbol = r.symbol)
        """;

    public static string InsertMissingPrices(string values) => $"""
        INSERT INTO price_history (portfolio_id, {values})
        SELECT @id, {values} FROM restore_prices r
        WHERE NOT EXISTS (SELECT 1 FROM price_history h WHERE h.portfolio_id = @id
            AND (h.symbol, h.price, h.volume, h.high, h.low, h.open_price, h.close_price, h."timestamp")
                IS NOT DISTINCT FROM (r.symbol, r.price, r.volume, r.high, r.low, r.open_price, r.close_price, r."timestamp"))
          AND EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = @id AND p.symbol = r.symbol)
        """;

    public const string DeleteExtraAnalyses = """
        DELETE FROM portfolio_analyses a WHERE a.portfolio_id = @id
          AND NOT EXISTS (SELECT 1 FROM restore_analyses r WHERE (r.name, r.start_date, r.end_date) = (a.name, a.start_date, a.end_date))
        """;

    public const string InsertMissingAnalyses = $"""
        WITH inserted AS (
            INSERT INTO portfolio_analyses (portfolio_id, {AnalysisColumns})
            SELECT @id, {AnalysisColumns} FROM restore_analyses r
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_analyses a WHERE a.portfolio_id = @id AND (a.name, a.start_date, a.end_date) = (r.name, r.start_date, r.end_date))
            RETURNING id, name, start_date, end_date),
        history AS (
            INSERT INTO portfolio_value_history (analysis_id, trade_date, portfolio_value, cash_value, total_value, daily_change, daily_return, top_contributors, created_at)
            SELECT i.id, v.trade_date, v.portfolio_value, v.cash_value, v.total_value, v.daily_change, v.daily_return, v.top_contributors, v.created_at
            FROM inserted i
            JOIN restore_analyses r ON (r.name, r.start_date, r.end_date) = (i.name, i.start_date, i.end_date)
            JOIN restore_value_history v ON v.analysis_id = r.id)
        SELECT COUNT(*) FROM inserted
        """;

    /// <summary>What restoring would do to each position: a change in any of its values (<see cref="TableColumns.PositionValues"/>) shows.</summary>
    public static readonly string PositionChanges = $"""
        SELECT 'add' AS "Change", r.symbol AS "Symbol" FROM restore_positions r
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = @id AND p.symbol = r.symbol)
        UNION ALL SELECT 'remove', p.symbol FROM portfolio_positions p
            WHERE p.portfolio_id = @id AND NOT EXISTS (SELECT 1 FROM restore_positions r WHERE r.symbol = p.symbol)
        UNION ALL SELECT 'change', p.symbol FROM portfolio_positions p JOIN restore_positions r ON r.symbol = p.symbol
            WHERE p.portfolio_id = @id
              AND ({TableColumns.List(TableColumns.PositionValues, "p.")}) IS DISTINCT FROM ({TableColumns.List(TableColumns.PositionValues, "r.")})
        ORDER BY 1, 2
        """;

    private static readonly string RuleValues = TableColumns.List(TableColumns.PositionRuleValues);

    public const string DeleteExtraRules = """
        DELETE FROM position_rules r WHERE r.portfolio_id = @id AND NOT EXISTS (SELECT 1 FROM restore_rules x WHERE x.symbol = r.symbol)
        """;

    /// <summary>Every column of the rules (<see cref="TableColumns.PositionRuleValues"/>), updated_at included.</summary>
    public static readonly string UpdateChangedRules = $"""
        UPDATE position_rules r SET ({RuleValues}) = ({TableColumns.List(TableColumns.PositionRuleValues, "x.")})
        FROM restore_rules x
        WHERE r.portfolio_id = @id AND x.symbol = r.symbol
          AND ({TableColumns.List(TableColumns.PositionRuleValues, "r.")}) IS DISTINCT FROM ({TableColumns.List(TableColumns.PositionRuleValues, "x.")})
        """;

    public static readonly string InsertMissingRules = $"""
        INSERT INTO position_rules (portfolio_id, symbol, {RuleValues})
        SELECT @id, x.symbol, {TableColumns.List(TableColumns.PositionRuleValues, "x.")}
        FROM restore_rules x
        WHERE NOT EXISTS (SELECT 1 FROM position_rules r WHERE r.portfolio_id = @id AND r.symbol = x.symbol)
          AND EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = @id AND p.symbol = x.symbol)
        """;

    /// <summary>
    /// The runs the backup's signals belong to: a live run of the same content is used as it is; else the run comes
    /// back under its own id, or under a new one when that id has been given to another run since (its signals follow).
    /// Matching by content keeps a second restore from adding the run again.
    /// </summary>
    public const string InsertMissingRuns = """
        CREATE TEMP TABLE run_map ON COMMIT DROP AS
        SELECT r.id AS backup_id, l.id AS live_id, l.id IS NULL AS missing FROM restore_runs r
        LEFT JOIN LATERAL (SELECT l.id FROM signal_runs l
                           WHERE (l.created_at, l.as_of, l.parameters, l.program_version) = (r.created_at, r.as_of, r.parameters, r.program_version)
                           ORDER BY l.id = r.id DESC, l.id LIMIT 1) l ON true;
        UPDATE run_map m SET live_id = CASE WHEN EXISTS (SELECT 1 FROM signal_runs l WHERE l.id = m.backup_id)
                                            THEN nextval(pg_get_serial_sequence('signal_runs', 'id'))::int ELSE m.backup_id END
        WHERE m.missing;
        UPDATE restore_txyzn x SET run_id = m.live_id FROM run_map m WHERE x.run_id = m.backup_id;
        WITH added AS (
            INSERT INTO signal_runs (id, created_at, portfolio_id, as_of, parameters, program_version, signal_count)
            SELECT m.live_id, r.created_at, r.portfolio_id, r.as_of, r.parameters, r.program_version, r.signal_count
            FROM restore_runs r JOIN run_map m ON m.backup_id = r.id WHERE m.missing
            RETURNING id)
        SELECT COUNT(*) FROM added, LATERAL (SELECT setval(pg_get_serial_sequence('signal_runs', 'id'),
            GREATEST((SELECT MAX(id) FROM added), pg_sequence_last_value(pg_get_serial_sequence('signal_runs', 'id')::regclass), 1))) s
        """;

    private const string SignalContent = "symbol, trade_date, code, strategy_code, strength, close, evidence, run_id, created_at";

    public const string DeleteExtraTxyzn = $"""
        DELETE FROM signals s WHERE s.portfolio_id = @id
          AND NOT EXISTS (SELECT 1 FROM restore_txyzn x WHERE (x.symbol, x.trade_date, x.code, x.strength, x.close, x.evidence, x.run_id)
                          IS NOT DISTINCT FROM (s.symbol, s.trade_date, s.code, s.strength, s.close, s.evidence, s.run_id))
        """;

    public const string UpdateChangedTxyzn = """
        UPDATE signals s SET code = x.code, strategy_code = x.strategy_code, strength = x.strength, close = x.close, evidence = x.evidence,
            run_id = x.run_id, created_at = x.created_at
        FROM restore_txyzn x
        WHERE s.portfolio_id = @id AND x.symbol = s.symbol AND x.trade_date = s.trade_date
          AND EXISTS (SELECT 1 FROM signal_runs r WHERE r.id = x.run_id)
          AND (s.code, s.strength, s.close, s.evidence, s.run_id) IS DISTINCT FROM (x.code, x.strength, x.close, x.evidence, x.run_id)
        """;

    public const string InsertMissingTxyzn = $"""
        INSERT INTO signals (portfolio_id, {SignalContent})
        SELECT @id, x.symbol, x.trade_date, x.code, x.strategy_code, x.strength, x.close, x.evidence, x.run_id, x.created_at FROM restore_txyzn x
        WHERE NOT EXISTS (SELECT 1 FROM signals s WHERE s.portfolio_id = @id AND s.symbol = x.symbol AND s.trade_date = x.trade_date)
          AND EXISTS (SELECT 1 FROM signal_runs r WHERE r.id = x.run_id)
        """;
}
