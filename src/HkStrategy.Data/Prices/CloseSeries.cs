using System.Buffers.Binary;
using Dapper;
using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Data.Prices;

/// <summary>
/// Each symbol's closes packed in one row of <c>close_series</c> (schema version 7), kept equal to <c>daily_bars</c>
/// by its triggers: 12 bytes a day, the day as a big-endian 4-byte count of days since 2000-01-01, the close as a
/// big-endian 8-byte count of thousandths of a dollar. Reading a symbol's ten years this way costs the server a row,
/// not 2,500.
/// </summary>
public static class CloseSeries
{
    private const int EntryBytes = 12;

    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    /// <summary>daily_bars.close is NUMERIC(12,3) and never negative: at most 999,999,999.999, in thousandths.</summary>
    private const long LargestClose = 999_999_999_999;

    /// <summary>A symbol's days and closes in thousandths, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public sealed record Closes(DateOnly[] Days, long[] Thousandths);

    /// <summary>
    /// The entries of one series from <paramref name="from"/> to <paramref name="to"/> (both included). The bytes are
    /// checked as they are read: a length that is not whole entries, days not strictly rising or a close daily_bars
    /// cannot hold is refused as damage
    /// (<c>hks check</c> finds it, <c>hks prices repack</c> mends it) rather than read as closes.
    /// </summary>
    public static Closes Unpack(string symbol, ReadOnlySpan<byte> packed, DateOnly from, DateOnly to)
    {
        if (packed.Length % EntryBytes != 0)
        {
            throw Damaged(symbol, $"{packed.Length} bytes are not whole 12-byte days");
        }
        var count = packed.Length / EntryBytes;
        var first = FirstOnOrAfter(packed, count, from.DayNumber - Epoch);
        var last = FirstOnOrAfter(packed, count, to.DayNumber - Epoch + 1);
        var length = Math.Max(0, last - first);
        var days = new DateOnly[length];
        var thousandths = new long[length];
        // Days out of order make the search's window meaningless: every day read is checked to be in the window and
        // after the one before, every close to be one daily_bars can hold.
        var (lowest, highest) = (from.DayNumber - Epoch, to.DayNumber - Epoch);
        var previous = int.MinValue;
        for (var i = 0; i < length; i++)
        {
            var entry = packed.Slice((first + i) * EntryBytes, EntryBytes);
            var day = BinaryPrimitives.ReadInt32BigEndian(entry);
            if (day <= previous || day < lowest || day > highest)
            {
                throw Damaged(symbol, "its days are not in order");
            }
            previous = day;
            days[i] = DateOnly.FromDayNumber(Epoch + day);
            thousandths[i] = BinaryPrimitives.ReadInt64BigEndian(entry[4..]);
            if (thousandths[i] is < 0 or > LargestClose)
            {
                throw Damaged(symbol, $"a close of {thousandths[i]} thousandths");
            }
        }
        return new Closes(days, thousandths);
    }

    /// <summary>
    /// Packs the series of every symbol again from its bars (and drops those of symbols without bars), in one
    /// transaction: how many series there are after it, and the symbols whose series it changed, added or dropped.
    /// </summary>
    public static async Task<Repacked> RepackAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The series' locks first, as the triggers take them: a price import committing meanwhile waits, so that what
        // is read before packing is what the packing changes.
        var symbols = (await connection.QueryAsync<string>("SELECT symbol FROM close_series UNION SELECT DISTINCT symbol FROM daily_bars",
            cancellationToken, transaction)).ToArray();
        await connection.ExecuteAsync("SELECT hks_lock_close_series(@symbols)", new { symbols, cancellationToken }, transaction);
        var before = await StampsAsync(connection, transaction, cancellationToken);
        await connection.ExecuteAsync("SELECT hks_pack_closes(@symbols)", new { symbols, cancellationToken }, transaction);
        var after = await StampsAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var mended = before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(symbol => before.GetValueOrDefault(symbol) != after.GetValueOrDefault(symbol))
            .Order(StringComparer.Ordinal).ToList();
        return new Repacked(after.Count, mended);
    }

    /// <summary>What <see cref="RepackAsync"/> did: the series there are now, and the symbols whose series it changed.</summary>
    public sealed record Repacked(int Symbols, IReadOnlyList<string> Mended);

    /// <summary>A series as it stands, its closes by their digest.</summary>
    internal sealed record SeriesStamp(string Symbol, DateOnly FirstDay, DateOnly LastDay, int Days, string Digest);

    private static async Task<Dictionary<string, SeriesStamp>> StampsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<SeriesStamp>("""
            SELECT symbol AS "Symbol", first_day AS "FirstDay", last_day AS "LastDay", days AS "Days", md5(closes) AS "Digest" FROM close_series
            """, cancellationToken, transaction)).ToDictionary(s => s.Symbol, StringComparer.Ordinal);

    /// <summary>The symbols whose series is not what their bars pack to (or that have one without bars, or bars without one).</summary>
    public static async Task<IReadOnlyList<string>> DisagreementsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<string>("""
            SELECT COALESCE(b.symbol, s.symbol)
            FROM (SELECT symbol, min(trade_date) AS first_day, max(trade_date) AS last_day, count(*)::int AS days,
                         string_agg(hks_close_entry(trade_date, close), ''::bytea ORDER BY trade_date) AS closes
                  FROM daily_bars GROUP BY symbol) b
            FULL JOIN close_series s ON s.symbol = b.symbol
            WHERE (b.first_day, b.last_day, b.days, b.closes) IS DISTINCT FROM (s.first_day, s.last_day, s.days, s.closes)
            ORDER BY 1
            """, cancellationToken)];

    /// <summary>The index of the first entry on or after the day (as a count of days since the epoch); entries are in date order.</summary>
    private static int FirstOnOrAfter(ReadOnlySpan<byte> packed, int count, int day)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (BinaryPrimitives.ReadInt32BigEndian(packed[(middle * EntryBytes)..]) < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private static HksException Damaged(string symbol, string what) =>
        HksException.CheckFailed("CloseSeriesDamaged", $"the close series of {symbol} is damaged ({what}): run 'hks check', then 'hks prices repack'");
}
