using System.Text.Json;
using Dapper;
using HkStrategy.Core.Analysis;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Portfolios.Exchange;
using Npgsql;

namespace HkStrategy.Data.Analyses;

/// <summary>A stored value analysis without its days (what list shows).</summary>
public sealed record AnalysisSummary(
    int Id, string? PortfolioId, string Name, DateOnly StartDate, DateOnly EndDate, decimal? StartPv, decimal? EndPv,
    decimal? TotalReturn, decimal? MaxDrawdown, decimal? Volatility, int Days, DateTime? CreatedAt, string? UserNotes);

/// <summary>Value analyses in portfolio_analyses and portfolio_value_history.</summary>
public static class AnalysisStore
{

    private const string SummarySql = """
        SELECT a.id AS "Id", a.portfolio_id AS "PortfolioId", a.name AS "Name", a.start_date AS "StartDate", a.end_date AS "EndDate",
               a.start_pv AS "StartPv", a.end_pv AS "EndPv", a.total_return AS "TotalReturn", a.max_drawdown AS "MaxDrawdown",
               a.volatility AS "Volatility", (SELECT COUNT(*)::int FROM portfolio_value_history v WHERE v.analysis_id = a.id) AS "Days",
               a.created_at AS "CreatedAt", a.user_notes AS "UserNotes"
        FROM portfolio_analyses a
        """;

    public static async Task<int> CreateAsync(NpgsqlConnection connection, string portfolioId, string name, DateOnly from, DateOnly to, string? notes,
        ValueAnalysisResult result, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var analysis = new ExportedAnalysis(name, from, to, null, notes, result.StartValue, result.EndValue, result.TotalReturn, result.MaxDrawdown, result.Volatility,
            result.Days.Select(d => new ExportedValue(d.Day, d.Value, 0m, d.Value, d.Change, d.Return,
                JsonSerializer.Serialize(d.TopContributors, DataJson.Default.IReadOnlyListContribution))).ToList());
        var id = await AnalysisRows.InsertAsync(connection, transaction, portfolioId, analysis, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public static async Task<IReadOnlyList<AnalysisSummary>> ListAsync(NpgsqlConnection connection, string? portfolioId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<AnalysisSummary>(
            SummarySql + " WHERE @portfolioId::varchar IS NULL OR a.portfolio_id = @portfolioId ORDER BY a.created_at DESC, a.id DESC",
            new { portfolioId, cancellationToken })).ToList();

    public static async Task<(AnalysisSummary Summary, IReadOnlyList<ExportedValue> Values)> GetAsync(NpgsqlConnection connection, int id, CancellationToken cancellationToken)
    {
        var summary = (await connection.QueryAsync<AnalysisSummary>(SummarySql + " WHERE a.id = @id", new { id, cancellationToken }))
            .SingleOrDefault() ?? throw Missing(id);
        var values = await connection.QueryAsync<ExportedValue>(
            """
            SELECT trade_date AS "TradeDate", portfolio_value AS "PortfolioValue", cash_value AS "CashValue", total_value AS "TotalValue",
                   daily_change AS "DailyChange", daily_return AS "DailyReturn", top_contributors::text AS "TopContributors"
            FROM portfolio_value_history WHERE analysis_id = @id ORDER BY trade_date
            """, new { id, cancellationToken });
        return (summary, values.ToList());
    }

    public static async Task DeleteAsync(NpgsqlConnection connection, int id, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync("DELETE FROM portfolio_analyses WHERE id = @id", new { id, cancellationToken }) == 0)
        {
            throw Missing(id);
        }
    }

    public static HksException Missing(int id) => HksException.Usage("AnalysisMissing", $"there is no value analysis {id} ('hks analysis list' shows them)");
}
