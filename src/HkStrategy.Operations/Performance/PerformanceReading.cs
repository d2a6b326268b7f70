using Dapper;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Performance;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Prices;
using Npgsql;

namespace HkStrategy.Operations.Performance;

/// <summary>What the user asks of a performance report; none of the dates: the whole history to the last close.</summary>
public sealed record PerformanceQuery(DateOnly? From = null, DateOnly? To = null, string Benchmark = PerformanceRequest.DefaultBenchmark, DateOnly? BaselineDate = null);

/// <summary>
/// A portfolio's performance for both doors: its whole ledger and the closes of every symbol it held and of the
/// benchmark, read in two queries, then <see cref="PerformanceCalculator"/>.
/// </summary>
public static class PerformanceReading
{
    public static async Task<PerformanceReport> ReadAsync(NpgsqlConnection connection, string portfolioId, PerformanceQuery query, TimeProvider clock,
        CancellationToken cancellationToken) =>
        (await ReadAsync(connection, portfolioId, query, clock, (_, _) => Task.FromResult(0), cancellationToken)).Report;

    /// <summary>
    /// The report and <paramref name="alsoRead"/>, read in one snapshot of the database: the ledger on this connection,
    /// the closes on a second one that imports the first one's snapshot (<c>pg_export_snapshot</c>), so that the two
    /// largest reads overlap and still see the same committed state. What <paramref name="alsoRead"/> reads (a
    /// cache's fingerprint of the rows) is therefore exactly what the report was computed from.
    /// </summary>
    public static async Task<(PerformanceReport Report, T Also)> ReadAsync<T>(NpgsqlConnection connection, string portfolioId, PerformanceQuery query,
        TimeProvider clock, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> alsoRead, CancellationToken cancellationToken)
    {
        if (query.From is { } f && query.To is { } t && f > t)
        {
            throw HksException.Usage("InvalidPeriod", $"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}");
        }
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var snapshotId = await connection.ExecuteScalarAsync<string>("SELECT pg_export_snapshot()", cancellationToken, snapshot);
        _ = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        var today = DateOnly.FromDateTime(MarketClock.HongKongTime(clock.GetUtcNow()));
        await using var second = (NpgsqlConnection)((ICloneable)connection).Clone();
        var closes = ClosesAsync(second, snapshotId!, portfolioId, query.Benchmark, query.From ?? today, query.To ?? today, cancellationToken);
        var activities = await ReplayActivities.ReadAsync(connection, snapshot, portfolioId, cancellationToken);
        var also = await alsoRead(connection, snapshot);
        var prices = await closes;
        await snapshot.CommitAsync(cancellationToken);
        var to = query.To ?? LastClose(prices, activities, today);
        return (PerformanceCalculator.Calculate(new PerformanceRequest(activities, prices, query.From, to, query.Benchmark, query.BaselineDate)), also);
    }

    /// <summary>The last day the holdings can be valued: the last close of any symbol, not before the last activity, not after today.</summary>
    private static DateOnly LastClose(ClosingPrices prices, IReadOnlyList<HkStrategy.Core.Ledger.Activity> activities, DateOnly today)
    {
        var last = prices.LastDay ?? today;
        if (activities.Count > 0 && activities.Max(a => a.TradeDate) is var lastActivity && lastActivity > last)
        {
            last = lastActivity;
        }
        return last < today ? last : today;
    }

    /// <summary>
    /// The closes of every symbol the ledger names, of the benchmark and of the rates of its activities' currencies, from two weeks before the first activity (or
    /// <paramref name="from"/>) to <paramref name="to"/>: one packed series per symbol (<see cref="CloseSeries"/>), its closes in
    /// thousandths of a dollar. Aggregating half a million rows of daily_bars instead cost the server half a second.
    /// </summary>
    private static async Task<ClosingPrices> ClosesAsync(NpgsqlConnection connection, string snapshotId, string portfolioId, string benchmark, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        // The id is the server's own (hexadecimal parts and dashes); SET TRANSACTION SNAPSHOT takes it only as a literal.
        if (!System.Text.RegularExpressions.Regex.IsMatch(snapshotId, "^[0-9A-F-]+$"))
        {
            throw new InvalidOperationException("the server's snapshot id is not one it writes");
        }
        await connection.ExecuteAsync($"SET TRANSACTION SNAPSHOT '{snapshotId}'", cancellationToken, snapshot);
        await using var command = new NpgsqlCommand("""
            SELECT symbol, closes, COALESCE((SELECT MIN(trade_date) FROM activities WHERE portfolio_id = $1), $3) - 14 FROM close_series
            WHERE symbol = ANY(ARRAY(SELECT DISTINCT symbol FROM activities WHERE portfolio_id = $1 AND symbol IS NOT NULL) || $2::text
                || ARRAY(SELECT DISTINCT currency || 'HKD=X' FROM activities WHERE portfolio_id = $1 AND currency <> 'HKD'))
            """, connection)
        {
            Parameters = { new() { Value = portfolioId }, new() { Value = benchmark }, new() { Value = from } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var prices = new ClosingPrices();
        while (await reader.ReadAsync(cancellationToken))
        {
            var symbol = reader.GetString(0);
            var closes = CloseSeries.Unpack(symbol, reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateOnly>(2), to);
            prices.AddThousandths(symbol, closes.Days, closes.Thousandths);
        }
        return prices;
    }
}
