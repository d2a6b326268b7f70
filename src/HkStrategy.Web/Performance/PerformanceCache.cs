using System.Globalization;
using HkStrategy.Operations.Performance;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HkStrategy.Web.Performance;

/// <summary>
/// Performance reports kept while the database has not changed (<see cref="SnapshotCache"/>): the report replays the
/// whole ledger against every close of every symbol it held, which takes a moment for a long history; asking again
/// for the same period before anything was committed costs one query.
/// </summary>
public sealed class PerformanceCache(TimeProvider clock, IOptions<JsonOptions> json)
{
    private readonly SnapshotCache _cache = new(maximumEntries: 32);

    public async Task<PerformanceView> ReadAsync(NpgsqlConnection connection, string portfolioId, PerformanceQuery query, CancellationToken cancellationToken)
    {
        var stamp = await SnapshotCache.StampAsync(connection, clock.GetUtcNow(), cancellationToken);
        var key = string.Create(CultureInfo.InvariantCulture, $"{portfolioId}\0{query.From}\0{query.To}\0{query.Benchmark}\0{query.BaselineDate}");
        return await _cache.GetAsync(key, stamp, async () =>
            {
                var (report, rows) = await PerformanceReading.ReadAsync(connection, portfolioId, query, clock,
                    (c, t) => FingerprintAsync(c, t, portfolioId, query.Benchmark), CancellationToken.None);
                return (new PerformanceView(report, json.Value.SerializerOptions), rows);
            },
            () => FingerprintAsync(connection, null, portfolioId, query.Benchmark));
    }

    /// <summary>The versions of what a report is read from: the portfolio's row and activities, the closes of its symbols and of the benchmark.</summary>
    private static async Task<string> FingerprintAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string portfolioId, string benchmark)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT concat_ws(' ',
                (SELECT {SnapshotCache.RowVersions} FROM portfolios WHERE portfolio_id = $1),
                (SELECT {SnapshotCache.RowVersions} FROM activities WHERE portfolio_id = $1),
                (SELECT {SnapshotCache.RowVersions} FROM daily_bars
                 WHERE symbol = ANY(ARRAY(SELECT DISTINCT symbol FROM activities WHERE portfolio_id = $1 AND symbol IS NOT NULL) || $2::text)))
            """, connection, transaction)
        {
            Parameters = { new() { Value = portfolioId }, new() { Value = benchmark } },
        };
        return (string)(await command.ExecuteScalarAsync(CancellationToken.None))!;
    }
}
