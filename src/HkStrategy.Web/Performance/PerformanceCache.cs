using System.Globalization;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Performance;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HkStrategy.Web.Performance;

/// <summary>
/// Performance reports kept while the database has not changed (<see cref="SnapshotCache"/>): the report replays the
/// whole ledger against every close of every symbol it held, which takes a moment for a long history; asking again
/// for the same period before anything was committed costs one query, and after a commit of other rows (another
/// database's, autovacuum's) one more, of the report's rows' versions (<see cref="LedgerVersions"/>).
/// </summary>
public sealed class PerformanceCache(TimeProvider clock, IOptions<JsonOptions> json)
{
    private readonly SnapshotCache _cache = new(maximumEntries: 32);
    private readonly SnapshotCache _portfolios = new(maximumEntries: 32);

    /// <summary>The database's stamp for this request: read once, then given to each read of it below.</summary>
    public Task<SnapshotCache.Stamp> StampAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        SnapshotCache.StampAsync(connection, clock.GetUtcNow(), cancellationToken);

    public async Task<PerformanceView> ReadAsync(NpgsqlConnection connection, string portfolioId, PerformanceQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(connection, portfolioId, query, await StampAsync(connection, cancellationToken));

    /// <summary>The portfolio's summary (its name, totals) as of the stamp: read again after any commit, like the page's report.</summary>
    public Task<PortfolioSummary> PortfolioAsync(NpgsqlConnection connection, string portfolioId, SnapshotCache.Stamp stamp) =>
        _portfolios.GetAsync(portfolioId, stamp, () => PortfolioStore.GetAsync(connection, portfolioId, CancellationToken.None));

    public async Task<PerformanceView> ReadAsync(NpgsqlConnection connection, string portfolioId, PerformanceQuery query, SnapshotCache.Stamp stamp)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{portfolioId}\0{query.From}\0{query.To}\0{query.Benchmark}\0{query.BaselineDate}");
        return await _cache.GetAsync(key, stamp, async () =>
            {
                var (report, rows) = await PerformanceReading.ReadAsync(connection, portfolioId, query, clock,
                    (c, t) => LedgerVersions.OfReportAsync(c, t, portfolioId, query.Benchmark, CancellationToken.None), CancellationToken.None);
                return (new PerformanceView(report, json.Value.SerializerOptions), rows);
            },
            () => LedgerVersions.OfReportAsync(connection, null, portfolioId, query.Benchmark, CancellationToken.None));
    }
}
