using Npgsql;

namespace HkStrategy.Data.Activities;

/// <summary>
/// The versions of the rows a portfolio's performance report is read from: its portfolio row, its activities, and
/// the closes of its symbols, of the benchmark and of its currencies' rates (their packed series: one row per symbol,
/// written again whenever a close changes), each set told by how many rows it has and the sum of the
/// transactions that wrote them (<c>xmin</c>). A row added, removed or changed (which writes a new version with a
/// newer transaction) changes it; a cache keeps a report while it is the same.
/// </summary>
public static class LedgerVersions
{
    private const string RowVersions = "concat_ws(':', count(*), sum(xmin::text::bigint))";

    /// <param name="transaction">The snapshot to read in (the report's own, so that the versions are those it read); none: now.</param>
    public static async Task<string> OfReportAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string portfolioId, string benchmark,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT concat_ws(' ',
                (SELECT {RowVersions} FROM portfolios WHERE portfolio_id = $1),
                (SELECT {RowVersions} FROM activities WHERE portfolio_id = $1),
                (SELECT {RowVersions} FROM close_series
                 WHERE symbol = ANY(ARRAY(SELECT DISTINCT symbol FROM activities WHERE portfolio_id = $1 AND symbol IS NOT NULL) || $2::text
                     || ARRAY(SELECT DISTINCT currency || 'HKD=X' FROM activities WHERE portfolio_id = $1 AND currency <> 'HKD'))))
            """, connection, transaction)
        {
            Parameters = { new() { Value = portfolioId }, new() { Value = benchmark } },
        };
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
