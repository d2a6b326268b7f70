using Dapper;
using HkStrategy.Core.Analysis;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Analyses;
using HkStrategy.Data.Portfolios;
using Npgsql;

namespace HkStrategy.Operations.Analysis;

/// <summary>A value analysis as asked for and as done (its last day may be earlier than asked: there are no later bars).</summary>
public sealed record ValueAnalysisRun(int Id, string PortfolioId, string Name, DateOnly From, DateOnly To, ValueAnalysisResult Result);

/// <summary><c>hks analysis create</c>: today's holdings valued at each trading day's closes over the period, stored.</summary>
public sealed class ValueAnalysisRunner(TradingCalendar calendar)
{
    public async Task<ValueAnalysisRun> RunAsync(NpgsqlConnection connection, string portfolioId, DateOnly from, DateOnly to, string? name, string? notes, CancellationToken cancellationToken)
    {
        AnalysisPeriod.Require(from, to, ValueAnalysis.MaxMonths);
        await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        var holdings = (await connection.QueryAsync<Holding>(
            """SELECT symbol AS "Symbol", quantity AS "Quantity" FROM portfolio_positions WHERE portfolio_id = @portfolioId ORDER BY symbol""",
            new { portfolioId, cancellationToken })).ToList();
        var closes = new Dictionary<string, SortedList<DateOnly, decimal>>(StringComparer.Ordinal);
        foreach (var row in await connection.QueryAsync<DailyClose>(
            """
            SELECT symbol AS "Symbol", trade_date AS "Day", close AS "Close" FROM daily_bars
            WHERE symbol = ANY(@symbols) AND trade_date <= @to
              AND trade_date >= COALESCE((SELECT MAX(d.trade_date) FROM daily_bars d WHERE d.symbol = daily_bars.symbol AND d.trade_date <= @from), @from)
            """, new { symbols = holdings.Select(h => h.Symbol).ToArray(), from, to, cancellationToken }))
        {
            (closes.TryGetValue(row.Symbol, out var list) ? list : closes[row.Symbol] = new SortedList<DateOnly, decimal>())[row.Day] = row.Close;
        }
        var lastBar = closes.Values.Where(c => c.Count > 0).Select(c => c.Keys[^1]).DefaultIfEmpty(DateOnly.MinValue).Max();
        var end = to < lastBar ? to : lastBar;
        if (end < from)
        {
            throw HksException.Usage("NoPrices", $"there are no daily bars of {portfolioId}'s positions from {from:yyyy-MM-dd}: import or fetch them first");
        }
        var result = ValueAnalysis.Compute(holdings, closes, calendar.Between(from, end).ToList());
        var title = await FreeTitleAsync(connection, portfolioId, name, from, end, cancellationToken);
        var id = await AnalysisStore.CreateAsync(connection, portfolioId, title, from, end, notes, result, cancellationToken);
        return new ValueAnalysisRun(id, portfolioId, title, from, end, result);
    }

    /// <summary>
    /// Name and period identify an analysis (export, import and selective restore match on them): a given name already
    /// used for the period is refused, a default one gets a number.
    /// </summary>
    private static async Task<string> FreeTitleAsync(NpgsqlConnection connection, string portfolioId, string? name, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var taken = (await connection.QueryAsync<string>(
            "SELECT name FROM portfolio_analyses WHERE portfolio_id = @portfolioId AND start_date = @from AND end_date = @to",
            new { portfolioId, from, to, cancellationToken })).ToHashSet(StringComparer.Ordinal);
        if (name is not null)
        {
            return taken.Contains(name)
                ? throw HksException.Usage("AnalysisExists", $"{portfolioId} has an analysis \"{name}\" of {from:yyyy-MM-dd} to {to:yyyy-MM-dd} already: choose another --name, or delete that one")
                : name;
        }
        var title = $"{portfolioId} {from:yyyy-MM-dd} to {to:yyyy-MM-dd}";
        for (var n = 2; taken.Contains(title); n++)
        {
            title = $"{portfolioId} {from:yyyy-MM-dd} to {to:yyyy-MM-dd} ({n})";
        }
        return title;
    }

    internal sealed record DailyClose(string Symbol, DateOnly Day, decimal Close);
}
