using Dapper;
using HkStrategy.Core.Signals;
using Npgsql;
using NpgsqlTypes;

namespace HkStrategy.Data.Signals;

/// <summary>A signal worked out for one symbol (and portfolio, if any) on one day, with its evidence as JSON.</summary>
public sealed record NewSignal(string? PortfolioId, string Symbol, SignalDecision Decision, string EvidenceJson);

/// <summary>
/// The signal store: each generation is a run carrying its parameter set; a signal generated again for the same
/// portfolio, symbol and day replaces the earlier one. Listing merges the prototype's trading_signals in.
/// </summary>
public static class SignalStore
{
    public static async Task<int> SaveRunAsync(NpgsqlConnection connection, string? portfolioId, DateOnly asOf, string parametersJson, string programVersion,
        IReadOnlyList<NewSignal> signals, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var runId = await connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO signal_runs (portfolio_id, as_of, parameters, program_version, signal_count)
            VALUES (@portfolioId, @asOf, @parametersJson::jsonb, @programVersion, @count) RETURNING id
            """, new { portfolioId, asOf, parametersJson, programVersion, count = signals.Count, cancellationToken }, transaction);
        foreach (var signal in signals)
        {
            var d = signal.Decision;
            // A day generated again replaces its signal; ON CONFLICT (not delete-then-insert) so two runs at once cannot collide.
            await using var replace = signal.PortfolioId is null
                ? new NpgsqlCommand(UpsertSymbolSignal, connection, transaction)
                : new NpgsqlCommand(UpsertPortfolioSignal, connection, transaction);
            replace.Parameters.Add(new NpgsqlParameter<int>("run", runId));
            replace.Parameters.Add(new NpgsqlParameter<string?>("portfolio", NpgsqlDbType.Varchar) { TypedValue = signal.PortfolioId });
            replace.Parameters.Add(new NpgsqlParameter<string>("symbol", signal.Symbol));
            replace.Parameters.Add(new NpgsqlParameter<DateOnly>("day", d.TradeDate));
            replace.Parameters.Add(new NpgsqlParameter<string>("code", d.Code.ToString()));
            replace.Parameters.Add(new NpgsqlParameter<string>("strategy", d.Code.CatalogKey));
            replace.Parameters.Add(new NpgsqlParameter<short>("strength", (short)d.Code.Strength));
            replace.Parameters.Add(new NpgsqlParameter<decimal>("close", Math.Round((decimal)d.Close, 3, MidpointRounding.AwayFromZero)));
            replace.Parameters.Add(new NpgsqlParameter<string>("evidence", NpgsqlDbType.Jsonb) { TypedValue = signal.EvidenceJson });
            await replace.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return runId;
    }

    private const string SignalValues = """
        INSERT INTO signals (run_id, portfolio_id, symbol, trade_date, code, strategy_code, strength, close, evidence)
        VALUES (@run, @portfolio, @symbol, @day, @code, @strategy, @strength, @close, @evidence)
        """;

    private const string Replaced = """
        DO UPDATE SET run_id = EXCLUDED.run_id, code = EXCLUDED.code, strategy_code = EXCLUDED.strategy_code, strength = EXCLUDED.strength,
            close = EXCLUDED.close, evidence = EXCLUDED.evidence, created_at = now()
        """;

    private const string UpsertPortfolioSignal = SignalValues + " ON CONFLICT (portfolio_id, symbol, trade_date) WHERE portfolio_id IS NOT NULL " + Replaced;

    private const string UpsertSymbolSignal = SignalValues + " ON CONFLICT (symbol, trade_date) WHERE portfolio_id IS NULL " + Replaced;

    private const string AllSignals = """
        (
            SELECT s.id AS "Id", s.portfolio_id AS "PortfolioId", s.symbol AS "Symbol", s.trade_date AS "TradeDate", s.code AS "Code",
                   c.name AS "StrategyName", s.strength::int AS "Strength", s.close AS "Close", s.evidence::text AS "Evidence", s.run_id AS "RunId",
                   NULL::text AS "LegacyType", s.created_at::timestamp AS "CreatedAt"
            FROM signals s JOIN signal_strategies c ON c.code = s.strategy_code
            UNION ALL
            SELECT t.id, t.portfolio_id, t.symbol, t.created_at::date, c.code || c.strength, c.name, c.strength::int, t.price, NULL, NULL,
                   t.signal_type, t.created_at
            FROM trading_signals t JOIN signal_strategies c ON c.legacy_signal_type = t.signal_type
        ) x
        """;

    private const string ListSql = "SELECT * FROM " + AllSignals + "\n" + """
        WHERE (@PortfolioId::varchar IS NULL OR x."PortfolioId" = @PortfolioId)
          AND (@Symbol::varchar IS NULL OR x."Symbol" = @Symbol)
          AND (@Side::text IS NULL OR left(x."Code", 1) = @Side)
          AND (@MinStrength::int IS NULL OR x."Strength" >= @MinStrength)
          AND (@Since::date IS NULL OR x."TradeDate" >= @Since)
          AND (@Until::date IS NULL OR x."TradeDate" <= @Until)
        ORDER BY x."TradeDate" DESC, x."CreatedAt" DESC, x."Symbol"
        LIMIT @Limit
        """;

    public static async Task<IReadOnlyList<StoredSignal>> ListAsync(NpgsqlConnection connection, SignalFilter filter, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<StoredSignal>(ListSql,
            new { filter.PortfolioId, filter.Symbol, Side = filter.Side?.ToString(), filter.MinStrength, filter.Since, filter.Until, filter.Limit, cancellationToken })).ToList();

    // One index probe per held symbol (signals' unique key starts with portfolio and symbol): a DISTINCT ON over every
    // signal of a large portfolio took 20 ms at 1,000 positions; the evidence stays behind (the list shows codes).
    private const string LatestSql = """
        SELECT latest.* FROM portfolio_positions p
        CROSS JOIN LATERAL (
            SELECT * FROM (
                (SELECT s.id AS "Id", s.portfolio_id AS "PortfolioId", s.symbol AS "Symbol", s.trade_date AS "TradeDate", s.code AS "Code",
                        c.name AS "StrategyName", s.strength::int AS "Strength", s.close AS "Close", NULL::text AS "Evidence", s.run_id AS "RunId",
                        NULL::text AS "LegacyType", s.created_at::timestamp AS "CreatedAt"
                 FROM signals s JOIN signal_strategies c ON c.code = s.strategy_code
                 WHERE s.portfolio_id = p.portfolio_id AND s.symbol = p.symbol
                 ORDER BY s.trade_date DESC, s.created_at DESC LIMIT 1)
                UNION ALL
                (SELECT t.id, t.portfolio_id, t.symbol, t.created_at::date, c.code || c.strength, c.name, c.strength::int, t.price, NULL, NULL,
                        t.signal_type, t.created_at
                 FROM trading_signals t JOIN signal_strategies c ON c.legacy_signal_type = t.signal_type
                 WHERE t.portfolio_id = p.portfolio_id AND t.symbol = p.symbol
                 ORDER BY t.created_at DESC LIMIT 1)
            ) x
            ORDER BY x."TradeDate" DESC, x."CreatedAt" DESC LIMIT 1
        ) latest
        WHERE p.portfolio_id = @portfolioId
        """;

    /// <summary>Each symbol's newest signal in a portfolio (what the portfolio page shows beside each position).</summary>
    public static async Task<IReadOnlyDictionary<string, StoredSignal>> LatestAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<StoredSignal>(LatestSql, new { portfolioId, cancellationToken }))
            .ToDictionary(s => s.Symbol, StringComparer.Ordinal);
}
