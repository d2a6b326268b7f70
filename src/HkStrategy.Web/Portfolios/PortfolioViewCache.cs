using HkStrategy.Data.Portfolios;
using HkStrategy.Web.Shared;
using Npgsql;

namespace HkStrategy.Web.Portfolios;

/// <summary>
/// Portfolio views kept between requests while the database has not changed (<see cref="SnapshotCache"/>). At 1,000
/// positions this turns ~25 ms of queries into one 0.1 ms query.
/// </summary>
public sealed class PortfolioViewCache
{
    private const string AllKey = "\0all";
    private readonly SnapshotCache _cache = new();

    /// <summary>A portfolio's view and every portfolio's summary (the switcher), under one stamp.</summary>
    public async Task<(PortfolioView View, IReadOnlyList<PortfolioSummary> All)> ViewAndAllAsync(NpgsqlConnection connection, string portfolioId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var stamp = await SnapshotCache.StampAsync(connection, now, cancellationToken);
        var view = await _cache.GetAsync(portfolioId, stamp, () => PortfolioView.LoadAsync(connection, portfolioId, now, CancellationToken.None));
        var all = await _cache.GetAsync(AllKey, stamp, () => PortfolioStore.ListAsync(connection, CancellationToken.None));
        return (view, all);
    }

    public async Task<PortfolioView> ViewAsync(NpgsqlConnection connection, string portfolioId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _cache.GetAsync(portfolioId, await SnapshotCache.StampAsync(connection, now, cancellationToken),
            () => PortfolioView.LoadAsync(connection, portfolioId, now, CancellationToken.None));
}
