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
        var activities = (await ActivityStore.ListAsync(connection, portfolioId, new ActivityFilter(), cancellationToken)).Select(a => a.ToActivity()).ToList();
        var symbols = activities.Where(a => a.Symbol is not null).Select(a => a.Symbol!).Append(query.Benchmark).Distinct().ToArray();
        var today = DateOnly.FromDateTime(MarketClock.HongKongTime(clock.GetUtcNow()));
        var first = (activities.Count > 0 ? activities.Min(a => a.TradeDate) : query.From ?? today).AddDays(-14);
        var prices = await ClosesAsync(connection, symbols, first, query.To ?? today, cancellationToken);
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

    private static async Task<ClosingPrices> ClosesAsync(NpgsqlConnection connection, string[] symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<CloseRow>("""
            SELECT symbol AS "Symbol", trade_date AS "Day", close AS "Close" FROM daily_bars
            WHERE symbol = ANY(@symbols) AND trade_date BETWEEN @from AND @to ORDER BY symbol, trade_date
            """, new { symbols, from, to, cancellationToken });
        var prices = new ClosingPrices();
        foreach (var series in rows.GroupBy(r => r.Symbol))
        {
            var list = series.ToList();
            prices.Add(series.Key, [.. list.Select(r => r.Day)], [.. list.Select(r => r.Close)]);
        }
        return prices;
    }

    internal sealed record CloseRow(string Symbol, DateOnly Day, decimal Close);
}
