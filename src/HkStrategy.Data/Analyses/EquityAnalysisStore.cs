using System.Text.Json;
using Dapper;
using HkStrategy.Core.Analysis;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Signals;
using Npgsql;

namespace HkStrategy.Data.Analyses;

/// <summary>A stored equity strategy analysis (what list shows).</summary>
public sealed record EquityAnalysisSummary(
    int Id, string Symbol, string Strategy, string Name, DateOnly StartDate, DateOnly EndDate, decimal? InitialPrice, decimal? FinalPrice,
    decimal? TotalReturn, decimal? Volatility, decimal? MaxDrawdown, decimal? SharpeRatio, decimal? SortinoRatio, decimal? WinRate,
    decimal? ProfitFactor, int TotalTrades, DateTime? CreatedAt);

/// <summary>One BUY, SELL or HOLD of a stored equity analysis.</summary>
public sealed record StoredStrategySignal(DateOnly SignalDate, string SignalType, decimal Price, decimal? SignalStrength, string? Notes);

/// <summary>Equity strategy analyses in equity_strategy_analyses and strategy_signals; catalog strategies get a strategies row on first use.</summary>
public static class EquityAnalysisStore
{
    public static async Task<int> CreateAsync(NpgsqlConnection connection, string symbol, CatalogStrategy strategy, string name, DateOnly from, DateOnly to,
        BacktestResult result, EquityPerformance performance, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var strategyName = $"TXYZN {strategy.Code} {strategy.Name}";
        await connection.ExecuteAsync(
            """
            INSERT INTO strategies (strategy_name, description, strategy_type, parameters) VALUES (@strategyName, @Description, 'txyzn', jsonb_build_object('code', @code))
            ON CONFLICT (strategy_name) DO NOTHING
            """, new { strategyName, strategy.Description, code = strategy.Code.ToString(), cancellationToken }, transaction);
        var strategyId = await connection.ExecuteScalarAsync<int>(
            "SELECT id FROM strategies WHERE strategy_name = @strategyName", new { strategyName, cancellationToken }, transaction);
        decimal? winRate = result.WinRate is { } w ? Math.Round((decimal)w, 4) : null;
        decimal? profitFactor = result.ProfitFactor is { } f ? Ratio(f) : null;
        var performanceJson = JsonSerializer.Serialize(performance, DataJson.Default.EquityPerformance);
        var id = await connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO equity_strategy_analyses (symbol, strategy_id, analysis_name, start_date, end_date, initial_price, final_price, performance_data,
                total_return, volatility, max_drawdown, sharpe_ratio, sortino_ratio, win_rate, profit_factor, total_trades)
            VALUES (@symbol, @strategyId, @name, @from, @to, @InitialPrice, @FinalPrice, @performance::jsonb, @TotalReturn, @Volatility, @MaxDrawdown,
                @Sharpe, @Sortino, @WinRate, @ProfitFactor, @Trades)
            RETURNING id
            """,
            new {
                symbol, strategyId, name, from, to, InitialPrice = Price(result.InitialPrice), FinalPrice = Price(result.FinalPrice),
                performance = performanceJson, TotalReturn = Ratio(result.TotalReturn), Volatility = Ratio(result.Volatility),
                MaxDrawdown = Ratio(result.MaxDrawdown), Sharpe = Ratio(result.Sharpe), Sortino = Ratio(result.Sortino),
                WinRate = winRate, ProfitFactor = profitFactor,
                Trades = result.Trades.Count, cancellationToken }, transaction);
        foreach (var signal in result.Signals)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO strategy_signals (equity_strategy_analysis_id, signal_date, signal_type, price, signal_strength, technical_indicators, notes)
                VALUES (@id, @Day, @Action, @price, @strength, @indicators::jsonb, @notes)
                """,
                new {
                    id, signal.Day, signal.Action, price = Price(signal.Price), strength = signal.Decision.Code.Strength / 10m,
                    indicators = JsonSerializer.Serialize(signal.Decision.Evidence.Values, DataJson.Default.IReadOnlyDictionaryStringNullableDouble),
                    notes = $"{signal.Decision.Code}: {string.Join("; ", signal.Decision.Evidence.Reasons(signal.Decision.Code.ToString()))}", cancellationToken }, transaction);
        }
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private const string SummarySql = """
        SELECT e.id AS "Id", e.symbol AS "Symbol", s.strategy_name AS "Strategy", e.analysis_name AS "Name", e.start_date AS "StartDate", e.end_date AS "EndDate",
               e.initial_price AS "InitialPrice", e.final_price AS "FinalPrice", e.total_return AS "TotalReturn", e.volatility AS "Volatility",
               e.max_drawdown AS "MaxDrawdown", e.sharpe_ratio AS "SharpeRatio", e.sortino_ratio AS "SortinoRatio", e.win_rate AS "WinRate",
               e.profit_factor AS "ProfitFactor", COALESCE(e.total_trades, 0) AS "TotalTrades", e.created_at AS "CreatedAt"
        FROM equity_strategy_analyses e JOIN strategies s ON s.id = e.strategy_id
        """;

    public static async Task<IReadOnlyList<EquityAnalysisSummary>> ListAsync(NpgsqlConnection connection, string? symbol, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<EquityAnalysisSummary>(
            SummarySql + " WHERE @symbol::varchar IS NULL OR e.symbol = @symbol ORDER BY e.created_at DESC, e.id DESC", new { symbol, cancellationToken })).ToList();

    public static async Task<(EquityAnalysisSummary Summary, IReadOnlyList<StoredStrategySignal> Signals)> GetAsync(NpgsqlConnection connection, int id, CancellationToken cancellationToken)
    {
        var summary = (await connection.QueryAsync<EquityAnalysisSummary>(SummarySql + " WHERE e.id = @id", new { id, cancellationToken }))
            .SingleOrDefault() ?? throw Missing(id);
        var signals = await connection.QueryAsync<StoredStrategySignal>(
            """
            SELECT signal_date AS "SignalDate", signal_type AS "SignalType", price AS "Price", signal_strength AS "SignalStrength", notes AS "Notes"
            FROM strategy_signals WHERE equity_strategy_analysis_id = @id ORDER BY signal_date, id
            """, new { id, cancellationToken });
        return (summary, signals.ToList());
    }

    public static async Task DeleteAsync(NpgsqlConnection connection, int id, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync("DELETE FROM equity_strategy_analyses WHERE id = @id", new { id, cancellationToken }) == 0)
        {
            throw Missing(id);
        }
    }

    public static HksException Missing(int id) => HksException.Usage("AnalysisMissing", $"there is no equity analysis {id} ('hks analysis equity list' shows them)");

    private static decimal Price(double value) => Math.Round((decimal)value, 3, MidpointRounding.AwayFromZero);

    /// <summary>Ratios fit numeric(10,4): four decimals, and a degenerate one (no losing day, say) is capped rather than refused.</summary>
    private static decimal Ratio(double value) => Math.Round((decimal)Math.Clamp(value, -999_999, 999_999), 4, MidpointRounding.AwayFromZero);
}
