using Dapper;
using HkStrategy.Core.Prices;
using Npgsql;

namespace HkStrategy.Data.Prices;

/// <summary>What an import changed: new bars, bars whose values changed, legacy price_history rows written.</summary>
public sealed record BarImportResult(int Inserted, int Updated, int Unchanged, int LegacyRows);

/// <summary>
/// Writes daily bars in one transaction (all or nothing) with binary COPY, streaming: straight into daily_bars first,
/// and only if some of those days are there already (a unique violation) again through a temporary table and an
/// upsert. The legacy per-portfolio price_history of every position holding a symbol gets the same bars, so the
/// seed's SQL keeps working. <c>accept</c> is asked after the bars are read: false and nothing is kept.
/// </summary>
public static class BarImport
{
    public static Task<BarImportResult?> ImportAsync(NpgsqlConnection connection, IReadOnlyList<DailyBar> bars, string source, CancellationToken cancellationToken) =>
        ImportAsync(connection, () => bars, () => true, source, cancellationToken);

    public static async Task<BarImportResult?> ImportAsync(NpgsqlConnection connection, Func<IEnumerable<DailyBar>> bars, Func<bool> accept, string source,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ImportOnceAsync(connection, bars, accept, source, upsert: false, cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Some of these days are stored already: do it again, as an upsert (the file is read again).
            return await ImportOnceAsync(connection, bars, accept, source, upsert: true, cancellationToken);
        }
    }

    private static async Task<BarImportResult?> ImportOnceAsync(NpgsqlConnection connection, Func<IEnumerable<DailyBar>> bars, Func<bool> accept, string source,
        bool upsert, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var held = (await connection.QueryAsync<string>(
            "SELECT DISTINCT symbol FROM portfolio_positions", cancellationToken, transaction)).ToHashSet(StringComparer.Ordinal);
        if (upsert)
        {
            await connection.ExecuteAsync(
                "CREATE TEMP TABLE incoming_bars (LIKE daily_bars INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken, transaction);
        }
        var (count, heldBars) = await CopyAsync(connection, upsert ? "incoming_bars" : "daily_bars", bars(), held, source, accept, cancellationToken);
        if (count < 0)
        {
            return null; // bad rows: the transaction rolls back
        }
        int inserted = count, updated = 0;
        if (upsert)
        {
            var outcomes = (await connection.QueryAsync<bool>(UpsertSql, cancellationToken, transaction)).ToList();
            inserted = outcomes.Count(isNew => isNew);
            updated = outcomes.Count - inserted;
        }
        var legacy = await LegacyPriceHistory.WriteAsync(connection, transaction, heldBars, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BarImportResult(inserted, updated, count - inserted - updated, legacy);
    }

    private const string UpsertSql = """
        INSERT INTO daily_bars AS d (symbol, trade_date, open, high, low, close, volume, source)
        SELECT symbol, trade_date, open, high, low, close, volume, source FROM incoming_bars
        ON CONFLICT (symbol, trade_date) DO UPDATE
            SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                volume = EXCLUDED.volume, source = EXCLUDED.source, imported_at = now()
            WHERE (d.open, d.high, d.low, d.close, d.volume) IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume)
        RETURNING (xmax = 0)
        """;

    /// <summary>
    /// Streams the bars into the table; returns how many, and those of held symbols (for price_history), or −1 when
    /// <paramref name="accept"/> refuses them (the COPY is then cancelled).
    /// </summary>
    private static async Task<(int Count, List<DailyBar> Held)> CopyAsync(NpgsqlConnection connection, string table, IEnumerable<DailyBar> bars,
        HashSet<string> held, string source, Func<bool> accept, CancellationToken cancellationToken)
    {
        var heldBars = new List<DailyBar>();
        var count = 0;
        await using var copy = await connection.BeginRawBinaryCopyAsync(
            $"COPY {table} (symbol, trade_date, open, high, low, close, volume, source) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var encoder = new BarCopyEncoder(copy);
        encoder.WriteHeader();
        try
        {
            foreach (var bar in bars)
            {
                cancellationToken.ThrowIfCancellationRequested();
                encoder.Write(bar, source);
                count++;
                if (held.Contains(bar.Symbol))
                {
                    heldBars.Add(bar);
                }
            }
        }
        catch
        {
            // The file was refused while its rows streamed (a line too long, say): the COPY is cancelled, so that
            // closing it does not send a half-written stream whose server error would hide the refusal.
            await copy.CancelAsync();
            throw;
        }
        if (!accept())
        {
            await copy.CancelAsync();
            return (-1, heldBars);
        }
        await encoder.FinishAsync(cancellationToken);
        return (count, heldBars);
    }
}
