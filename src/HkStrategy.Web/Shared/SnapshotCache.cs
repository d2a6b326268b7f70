using System.Collections.Concurrent;
using HkStrategy.Core.Calendar;
using HkStrategy.Data.Connection;
using Npgsql;

namespace HkStrategy.Web.Shared;

/// <summary>
/// Values read from the database, kept between requests while the database has not changed. Every request first asks
/// the server for its current snapshot (<c>pg_current_snapshot()</c>: the transactions that are finished and
/// visible). A change becomes visible only when its transaction commits, and that changes every later snapshot, so the
/// next request after any commit (from the dashboard, hks or anyone) reads afresh. The snapshot is taken before the
/// data is read, so a commit in between only causes one more read, never a stale page. (The WAL position, used
/// before, moves when the commit record is written, a moment before the commit is visible: a request in between
/// cached old rows.) The last closed trading day and Hong Kong's date are part of the stamp, so a page that depends on
/// them moves on with the market's clock. After a change, one request reads and the others arriving meanwhile wait for its result instead of
/// all reading at once.
/// </summary>
public sealed class SnapshotCache(int maximumEntries = 64)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The database's stamp now: read once per request, then given to every <see cref="GetAsync{T}"/> of it.</summary>
    public static async Task<Stamp> StampAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = await DatabaseSnapshot.CurrentAsync(connection, cancellationToken);
        return new Stamp(snapshot, MarketClock.LastClosedTradingDay(now, TradingCalendar.Hkex), DateOnly.FromDateTime(MarketClock.HongKongTime(now)));
    }

    /// <summary>The value kept under the key for this stamp, or the one <paramref name="load"/> reads (once, however many ask).</summary>
    public async Task<T> GetAsync<T>(string key, Stamp stamp, Func<Task<T>> load) =>
        (T)await GetAsync(key, stamp, async () => new Kept((await load())!, null), null);

    /// <summary>
    /// As <see cref="GetAsync{T}(string, Stamp, Func{Task{T}})"/>, for a value that takes long to read: <paramref name="load"/>
    /// gives the value with the fingerprint of the rows it was read from, taken in the same snapshot (such as <c>HkStrategy.Data.Activities.LedgerVersions</c>).
    /// When the snapshot moved (a commit anywhere in the cluster, another database's or autovacuum's included) but
    /// the day did not, and <paramref name="fingerprint"/> finds those rows the same now, the kept value goes on
    /// serving under the new stamp instead of being read again.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Stamp stamp, Func<Task<(T Value, string Fingerprint)>> load, Func<Task<string>> fingerprint) =>
        (T)await GetAsync(key, stamp, async () =>
        {
            var (value, rows) = await load();
            return new Kept(value!, rows);
        }, fingerprint);

    private async Task<object> GetAsync(string key, Stamp stamp, Func<Task<Kept>> load, Func<Task<string>>? fingerprint)
    {
        if (stamp.Snapshot is null)
        {
            return (await load()).Value;
        }
        while (true)
        {
            var current = _entries.GetValueOrDefault(key);
            if (current is not null && current.Stamp == stamp)
            {
                return (await current.Value.Value).Value;
            }
            // Only the request whose entry gets in reads (Lazy starts the load once); the others await its task.
            var fresh = new Entry(stamp, new Lazy<Task<Kept>>(() => ReadAsync(current, stamp, load, fingerprint)));
            if (current is null ? TryAdd(key, fresh) : _entries.TryUpdate(key, fresh, current))
            {
                try
                {
                    return (await fresh.Value.Value).Value;
                }
                catch
                {
                    _entries.TryRemove(KeyValuePair.Create(key, fresh));
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// The previous value when it was read on the same day from rows that are the same now; else the value read again.
    /// A previous value still being read (or checked) is waited for rather than read a second time beside it: when
    /// the snapshot moves again and again (autovacuum, another database), each check builds on the one before.
    /// </summary>
    private static async Task<Kept> ReadAsync(Entry? previous, Stamp stamp, Func<Task<Kept>> load, Func<Task<string>>? fingerprint)
    {
        if (fingerprint is not null && previous is { Value.IsValueCreated: true } && previous.Stamp.Day == stamp.Day && previous.Stamp.Today == stamp.Today
            && await KeptAsync(previous) is { Fingerprint: { } rows } kept && await fingerprint() == rows)
        {
            return kept;
        }
        return await load();
    }

    /// <summary>The entry's value, or none when its reading failed (its own request reports that).</summary>
    private static async Task<Kept?> KeptAsync(Entry entry)
    {
        try
        {
            return await entry.Value.Value;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }

    private bool TryAdd(string key, Entry entry)
    {
        if (_entries.Count >= maximumEntries)
        {
            _entries.Clear();
        }
        return _entries.TryAdd(key, entry);
    }

    /// <summary>What a kept value was read under: the database's snapshot (none: the server cannot say, nothing is kept), the trading day and the date.</summary>
    public sealed record Stamp(string? Snapshot, DateOnly Day, DateOnly Today);

    private sealed record Kept(object Value, string? Fingerprint);

    private sealed record Entry(Stamp Stamp, Lazy<Task<Kept>> Value);
}
