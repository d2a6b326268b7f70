using Dapper;
using HkStrategy.Data.Connection;
using Npgsql;
using NpgsqlTypes;

namespace HkStrategy.Data.Portfolios.Exchange;

/// <summary>Writes one value analysis and its daily values (portfolio_analyses and portfolio_value_history).</summary>
public static class AnalysisRows
{
    public static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, ExportedAnalysis analysis, CancellationToken cancellationToken)
    {
        var id = await connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO portfolio_analyses (portfolio_id, name, start_date, end_date, created_at, user_notes, start_pv, end_pv, total_return, max_drawdown, volatility)
            VALUES (@PortfolioId, @Name, @StartDate, @EndDate, COALESCE(@CreatedAt, LOCALTIMESTAMP), @UserNotes, @StartPv, @EndPv, @TotalReturn, @MaxDrawdown, @Volatility)
            RETURNING id
            """,
            new AnalysisRow(portfolioId, analysis.Name, analysis.StartDate, analysis.EndDate, WallClock.Of(analysis.CreatedAt), analysis.UserNotes, analysis.StartPv, analysis.EndPv,
                analysis.TotalReturn, analysis.MaxDrawdown, analysis.Volatility, cancellationToken), transaction);
        await using var writer = await connection.BeginBinaryImportAsync(
            """
            COPY portfolio_value_history (analysis_id, trade_date, portfolio_value, cash_value, total_value, daily_change, daily_return, top_contributors)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var value in analysis.Values)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(id, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(value.TradeDate, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(value.PortfolioValue, NpgsqlDbType.Numeric, cancellationToken);
            await WriteNullableAsync(writer, value.CashValue, cancellationToken);
            await writer.WriteAsync(value.TotalValue, NpgsqlDbType.Numeric, cancellationToken);
            await WriteNullableAsync(writer, value.DailyChange, cancellationToken);
            await WriteNullableAsync(writer, value.DailyReturn, cancellationToken);
            if (value.TopContributors is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(value.TopContributors, NpgsqlDbType.Jsonb, cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
        return id;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, decimal? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }
}

/// <summary>An analysis's row as a document gives it; its creation time is <c>timestamp</c> (see <see cref="PortfolioRow"/>).</summary>
internal sealed record AnalysisRow(
    string PortfolioId, string Name, DateOnly StartDate, DateOnly EndDate,
    [property: DbValue(DbType = System.Data.DbType.DateTime2)] DateTime? CreatedAt,
    string? UserNotes, decimal? StartPv, decimal? EndPv, decimal? TotalReturn, decimal? MaxDrawdown, decimal? Volatility, CancellationToken CancellationToken);
