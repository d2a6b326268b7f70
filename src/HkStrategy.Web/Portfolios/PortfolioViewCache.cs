using System.Collections.Concurrent;
using HkStrategy.Core.Calendar;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using Npgsql;

namespace HkStrategy.Web.Portfolios;

/// <summary>
/// Portfolio views kept between requests while the database has not changed. Every request first asks the server for
/// its current snapshot (<c>pg_current_snapshot()</c>: the transactions that are finished and visible). A change
/// becomes visible only when its transaction commits, and that changes every later snapshot, so the next request
/// after any commit (from the dashboard, hks or anyone) reads afresh. The snapshot is taken before the data is read,
/// so a commit in between only causes one more read, never a stale page. (The WAL position, used before, moves when
/// the commit record is written, a moment before the commit is visible: a request in between cached old rows.)
/// After a change, one request reads and the others arriving meanwhile wait for its result instead of all reading at
/// once. At 1,000 positions this turns ~25 ms of queries into one 0.1 ms query.
/// </summary>
public sealed class PortfolioViewCache
{
    private const int MaximumEntries = 64;
    private const string AllKey = "\0all";
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A portfolio's view and every portfolio's summary (the switcher), under one stamp.</summary>
    public async Task<(PortfolioView View, IReadOnlyList<PortfolioSummary> All)> ViewAndAllAsync(NpgsqlConnection connection, string portfolioId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(connection, now, cancellationToken);
        var view = await GetAsync(portfolioId, stamp, () => PortfolioView.LoadAsync(connection, portfolioId, now, CancellationToken.None));
        var all = await GetAsync(AllKey, stamp, () => PortfolioStore.ListAsync(connection, CancellationToken.None));
        return (view, all);
    }

    public async Task<PortfolioView> ViewAsync(NpgsqlConnection connection, string portfolioId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await GetAsync(portfolioId, await StampAsync(connection, now, cancellationToken),
            () => PortfolioView.LoadAsync(connection, portfolioId, now, CancellationToken.None));

    private async Task<T> GetAsync<T>(string key, Stamp stamp, Func<Task<T>> load)
    {
        if (stamp.Snapshot is null)
        {
            return await load();
        }
        while (true)
        {
            var current = _entries.GetValueOrDefault(key);
            if (current is not null && current.Stamp == stamp)
            {
                return (T)await current.Value.Value;
            }
            // Only the request whose entry gets in reads (Lazy starts the load once); the others await its task.
            var fresh = new Entry(stamp, new Lazy<Task<object>>(async () => (await load())!));
            if (current is null ? TryAdd(key, fresh) : _entries.TryUpdate(key, fresh, current))
            {
                try
                {
                    return (T)await fresh.Value.Value;
                }
                catch
                {
                    _entries.TryRemove(KeyValuePair.Create(key, fresh));
                    throw;
                }
            }
        }
    }

    private bool TryAdd(string key, Entry entry)
    {
        if (_entries.Count >= MaximumEntries)
        {
            _entries.Clear();
        }
        return _entries.TryAdd(key, entry);
    }

    private static async Task<Stamp> StampAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = await DatabaseSnapshot.CurrentAsync(connection, cancellationToken);
        return new Stamp(snapshot, MarketClock.LastClosedTradingDay(now, TradingCalendar.Hkex));
    }

    private sealed record Stamp(string? Snapshot, DateOnly Day);

    private sealed record Entry(Stamp Stamp, Lazy<Task<object>> Value);
}
