using Dapper;
using HkStrategy.Core.Prices;
using Npgsql;
using NpgsqlTypes;

namespace HkStrategy.Data.Prices;

/// <summary>What an import changed: new bars, bars whose values changed, legacy price_history rows written.</summary>
public sealed record BarImportResult(int Inserted, int Updated, int Unchanged, int LegacyRows);

/// <summary>
/// Writes daily bars in one transaction (all or nothing) with binary COPY: straight into daily_bars when none of the
/// symbols' dates are there yet, else through a temporary table and an upsert. The legacy per-portfolio
/// price_history of every position holding a symbol gets the same bars, so the seed's SQL keeps working.
/// </summary>
public static class BarImport
{
    public static async Task<BarImportResult> ImportAsync(NpgsqlConnection connection, IReadOnlyList<DailyBar> bars, string source, CancellationToken cancellationToken)
    {
        if (bars.Count == 0)
        {
            return new BarImportResult(0, 0, 0, 0);
        }
        try
        {
            return await ImportOnceAsync(connection, bars, source, upsert: await OverlapsAsync(connection, bars, cancellationToken), cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another import wrote some of these days meanwhile: do it again, as an upsert.
            return await ImportOnceAsync(connection, bars, source, upsert: true, cancellationToken);
        }
    }

    private static async Task<BarImportResult> ImportOnceAsync(NpgsqlConnection connection, IReadOnlyList<DailyBar> bars, string source, bool upsert, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int inserted, updated;
        if (upsert)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TEMP TABLE incoming_bars (LIKE daily_bars INCLUDING DEFAULTS) ON COMMIT DROP", transaction: transaction, cancellationToken: cancellationToken));
            await CopyAsync(connection, "incoming_bars", bars, source, cancellationToken);
            var outcomes = (await connection.QueryAsync<bool>(new CommandDefinition(UpsertSql, transaction: transaction, cancellationToken: cancellationToken))).ToList();
            inserted = outcomes.Count(isNew => isNew);
            updated = outcomes.Count - inserted;
        }
        else
        {
            await CopyAsync(connection, "daily_bars", bars, source, cancellationToken);
            (inserted, updated) = (bars.Count, 0);
        }
        var legacy = await LegacyPriceHistory.WriteAsync(connection, transaction, bars, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BarImportResult(inserted, updated, bars.Count - inserted - updated, legacy);
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

    private static async Task<bool> OverlapsAsync(NpgsqlConnection connection, IReadOnlyList<DailyBar> bars, CancellationToken cancellationToken)
    {
        var ranges = bars.GroupBy(b => b.Symbol, StringComparer.Ordinal)
            .Select(g => (Symbol: g.Key, From: g.Min(b => b.TradeDate), To: g.Max(b => b.TradeDate))).ToList();
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM unnest(@Symbols, @From, @To) AS r(symbol, first_day, last_day)
                           JOIN daily_bars d ON d.symbol = r.symbol AND d.trade_date BETWEEN r.first_day AND r.last_day)
            """,
            new { Symbols = ranges.Select(r => r.Symbol).ToArray(), From = ranges.Select(r => r.From).ToArray(), To = ranges.Select(r => r.To).ToArray() },
            cancellationToken: cancellationToken));
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<DailyBar> bars, string source, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} (symbol, trade_date, open, high, low, close, volume, source) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var bar in bars)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(bar.Symbol, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(bar.TradeDate, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(bar.Open, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(bar.High, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(bar.Low, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(bar.Close, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(bar.Volume, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(source, NpgsqlDbType.Varchar, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
