using HkStrategy.Data.Activities;
using HkStrategy.Operations.Ledger;
using HkStrategy.Web.Shared;
using Npgsql;

namespace HkStrategy.Web.Activities;

/// <summary>
/// A portfolio's ledger as listed (each sale with what it realised, derived over its whole chain), kept while the
/// database has not changed (<see cref="SnapshotCache"/>): paging through 100,000 activities reads them once.
/// </summary>
public sealed class LedgerListCache(TimeProvider clock)
{
    private readonly SnapshotCache _cache = new(maximumEntries: 32);

    /// <summary>The activities of the portfolio (of one symbol, if given) in the ledger's order.</summary>
    public async Task<IReadOnlyList<ListedActivity>> ListAsync(NpgsqlConnection connection, string portfolioId, string? symbol, CancellationToken cancellationToken)
    {
        var stamp = await SnapshotCache.StampAsync(connection, clock.GetUtcNow(), cancellationToken);
        return await _cache.GetAsync(portfolioId + "\0" + symbol, stamp,
            () => LedgerReading.ListAsync(connection, portfolioId, new ActivityFilter(Symbol: symbol), CancellationToken.None));
    }
}
