using Dapper;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Performance;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Portfolios;
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
        CancellationToken cancellationToken)
    {
        if (query.From is { } f && query.To is { } t && f > t)
        {
            throw HksException.Usage("InvalidPeriod", $"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}");
        }
        _ = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        var today = DateOnly.FromDateTime(MarketClock.HongKongTime(clock.GetUtcNow()));
        // The closes are read on a second connection while this one reads the ledger: the two largest reads overlap.
        await using var second = (NpgsqlConnection)((ICloneable)connection).Clone();
        var closes = ClosesAsync(second, portfolioId, query.Benchmark, query.From ?? today, query.To ?? today, cancellationToken);
        var activities = (await ActivityStore.ListAsync(connection, portfolioId, new ActivityFilter(), cancellationToken)).Select(a => a.ToActivity()).ToList();
        var prices = await closes;
        var to = query.To ?? LastClose(prices, activities, today);
        return PerformanceCalculator.Calculate(new PerformanceRequest(activities, prices, query.From, to, query.Benchmark, query.BaselineDate));
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
    /// The closes of every symbol the ledger names and of the benchmark, from two weeks before the first activity (or
    /// <paramref name="from"/>) to <paramref name="to"/>, read row by row into one array per symbol.
    /// </summary>
    private static async Task<ClosingPrices> ClosesAsync(NpgsqlConnection connection, string portfolioId, string benchmark, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT symbol, trade_date, close FROM daily_bars
            WHERE symbol = ANY(ARRAY(SELECT DISTINCT symbol FROM activities WHERE portfolio_id = $1 AND symbol IS NOT NULL) || $2::text)
              AND trade_date BETWEEN COALESCE((SELECT MIN(trade_date) FROM activities WHERE portfolio_id = $1), $3) - 14 AND $4
            ORDER BY symbol, trade_date
            """, connection)
        {
            Parameters = { new() { Value = portfolioId }, new() { Value = benchmark }, new() { Value = from }, new() { Value = to } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var prices = new ClosingPrices();
        string? symbol = null;
        List<DateOnly> days = [];
        List<decimal> closes = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowSymbol = reader.GetString(0);
            if (rowSymbol != symbol)
            {
                Flush();
                (symbol, days, closes) = (rowSymbol, [], []);
            }
            days.Add(reader.GetFieldValue<DateOnly>(1));
            closes.Add(reader.GetDecimal(2));
        }
        Flush();
        return prices;

        void Flush()
        {
            if (symbol is not null)
            {
                prices.Add(symbol, days, closes);
            }
        }
    }
}
