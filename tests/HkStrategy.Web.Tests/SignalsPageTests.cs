using System.Net;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>
/// Signals beside the demo's generated holds: a buy, a strong buy and a sell of a second portfolio with evidence in
/// words, and one of the prototype's type A signals, so each filter has something to keep and something to drop.
/// </summary>
public static class KnownSignals
{
    public const string Portfolio = "HKEX_NonTech";

    public const string BreakoutReason = "close 330 > 20-day high 320 + 0.35 × ATR14 4 = 321.4";

    public static async Task<DateOnly> EnsureAsync(TestDatabase db)
    {
        var newest = await db.ScalarAsync<DateOnly>("SELECT max(trade_date) FROM signals WHERE portfolio_id = 'My_HKEX_ALL'");
        await db.ExecuteAsync(
            """
            INSERT INTO signals (run_id, portfolio_id, symbol, trade_date, code, strategy_code, strength, close, evidence)
            SELECT (SELECT max(id) FROM signal_runs), @Portfolio, s.symbol, s.day, s.code, left(s.code, 4), right(s.code, 1)::smallint, s.close, s.evidence::jsonb
            FROM (VALUES ('0700.HK', @newest, 'BBRK9', 330.0, @breakout),
                         ('0005.HK', @newest - 1, 'BRSV7', 62.5, '{"code":"BRSV7","reasons":["RSI14 turned up from 30 ≤ 32 to 37 ≥ 36"],"veto":null,"values":{"rsi14":37}}'),
                         ('0388.HK', @newest - 2, 'SOVB1', 410.2, '{"code":"SOVB1","reasons":["close 410.2 ≥ target sell 400"],"veto":null,"values":{"close":410.2}}'))
                 AS s(symbol, day, code, close, evidence)
            ON CONFLICT DO NOTHING
            """, new { Portfolio, newest, breakout = $$$"""{"code":"BBRK9","reasons":["{{{BreakoutReason}}}"],"veto":null,"values":{"close":330}}""" });
        await db.ExecuteAsync(
            """
            INSERT INTO trading_signals (portfolio_id, symbol, signal_type, price, created_at)
            SELECT 'My_HKEX_ALL', '0700.HK', 'A', 398.4, @day
            WHERE NOT EXISTS (SELECT 1 FROM trading_signals WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK' AND signal_type = 'A')
            """, new { day = newest.AddDays(-3).ToDateTime(new TimeOnly(16, 30)) });
        return newest;
    }

    /// <summary>How many signals of both tables match, counted in SQL rather than by the code under test.</summary>
    public static Task<int> CountAsync(TestDatabase db, string where, object? parameters = null) => db.ScalarAsync<int>(
        $"""
        SELECT count(*)::int FROM (
            SELECT s.portfolio_id, s.symbol, s.trade_date, s.code, s.strength FROM signals s
            UNION ALL
            SELECT t.portfolio_id, t.symbol, t.created_at::date, c.code || c.strength, c.strength FROM trading_signals t
            JOIN signal_strategies c ON c.legacy_signal_type = t.signal_type) x
        WHERE {where}
        """, parameters);
}

public sealed class SignalsPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task SignalsPage_FilteredBySideAndStrength_ListsOnlyMatchingSignals()
    {
        await KnownSignals.EnsureAsync(dashboard.Db);
        var expected = await KnownSignals.CountAsync(dashboard.Db, "left(x.code, 1) = 'B' AND x.strength >= 7");

        var rows = await RowsAsync("/signals?Side=B&MinStrength=7");

        Assert.True(expected >= 3, "the known buys (two generated, one of the prototype's) are there to be found");
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, row => Assert.StartsWith("B", row[Column.Code], StringComparison.Ordinal));
        Assert.All(rows, row => Assert.True(int.Parse(row[Column.Strength], System.Globalization.CultureInfo.InvariantCulture) >= 7));
        Assert.Contains(rows, row => row[Column.Evidence] == "prototype signal A");
    }

    [Fact]
    public async Task SignalsPage_Unfiltered_ListsEverySignalNewestFirst()
    {
        await KnownSignals.EnsureAsync(dashboard.Db);
        var expected = await KnownSignals.CountAsync(dashboard.Db, "true");

        var rows = await RowsAsync("/signals");

        Assert.Equal(expected, rows.Count);
        var days = rows.Select(row => row[Column.Date]).ToList();
        Assert.Equal(days.OrderDescending(StringComparer.Ordinal), days);
    }

    [Fact]
    public async Task SignalsPage_FilteredByPortfolioSymbolAndDays_LinksEachSymbolToItsEquityPage()
    {
        var newest = await KnownSignals.EnsureAsync(dashboard.Db);
        var from = newest.AddDays(-6);
        var expected = await KnownSignals.CountAsync(dashboard.Db,
            "x.portfolio_id = 'My_HKEX_ALL' AND x.symbol = '0700.HK' AND x.trade_date BETWEEN @from AND @newest", new { from, newest });

        using var client = dashboard.Client();
        var html = await client.GetStringAsync(new Uri($"/signals?Portfolio=My_HKEX_ALL&Symbol=700&From={from:yyyy-MM-dd}&To={newest:yyyy-MM-dd}", UriKind.Relative));
        var rows = PageHtml.Rows(html, "signals");

        Assert.True(expected > 0);
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, row => Assert.Equal(("My_HKEX_ALL", "0700.HK"), (row[Column.Portfolio], row[Column.Symbol])));
        Assert.Contains("""<a href="/equity/0700.HK?portfolio=My_HKEX_ALL">0700.HK</a>""", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Symbol\" value=\"700\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignalsPage_Evidence_ShowsTheReasonsInWords()
    {
        await KnownSignals.EnsureAsync(dashboard.Db);

        var rows = await RowsAsync($"/signals?Portfolio={KnownSignals.Portfolio}&Side=B&MinStrength=9");

        var breakout = Assert.Single(rows);
        Assert.Equal("BBRK9", breakout[Column.Code]);
        Assert.Equal("Breakout", breakout[Column.Strategy]);
        Assert.Equal("330.00", breakout[Column.Close]);
        Assert.Contains(KnownSignals.BreakoutReason, breakout[Column.Evidence], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignalsPage_InvalidFilters_ShowTheirMessagesBesideTheFieldsAndNoList()
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri("/signals?Portfolio=no%20such!&Symbol=abc&Side=X&MinStrength=12&From=2026-13-01&To=yesterday", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a portfolio id", PageHtml.FieldError(html, "Portfolio"), StringComparison.Ordinal);
        Assert.Contains("'abc' is not an HKEX symbol", PageHtml.FieldError(html, "Symbol"), StringComparison.Ordinal);
        Assert.Contains("side is B (buy), S (sell) or H (hold)", PageHtml.FieldError(html, "Side"), StringComparison.Ordinal);
        Assert.Contains("from 1 to 9, not '12'", PageHtml.FieldError(html, "MinStrength"), StringComparison.Ordinal);
        Assert.Contains("from '2026-13-01' is not a date", PageHtml.FieldError(html, "From"), StringComparison.Ordinal);
        Assert.Contains("to 'yesterday' is not a date", PageHtml.FieldError(html, "To"), StringComparison.Ordinal);
        Assert.Contains("id=\"signals-invalid\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table id=\"signals\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignalsPage_ToBeforeFrom_IsRefusedBesideTo()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri("/signals?From=2026-03-10&To=2026-03-01", UriKind.Relative));

        Assert.Equal("to (2026-03-01) is before from (2026-03-10)", PageHtml.FieldError(html, "To"));
    }

    [Fact]
    public async Task SignalsPage_NothingMatches_SaysSoInAFriendlyLine()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri("/signals?From=2001-01-01&To=2001-01-31", UriKind.Relative));

        Assert.Contains("<p class=\"notice\" id=\"signals-empty\">No signals match these filters.</p>", html, StringComparison.Ordinal);
        Assert.Equal("", PageHtml.FieldError(html, "From"));
    }

    [Fact]
    public async Task SignalsPage_FilterForm_WorksWithoutScriptAndFollowsTypingWithHtmx()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri("/signals?Side=S", UriKind.Relative));

        Assert.Contains("<form method=\"get\" action=\"/signals\"", html, StringComparison.Ordinal);
        Assert.Contains("hx-select=\"#signal-results\"", html, StringComparison.Ordinal);
        Assert.Contains("hx-push-url=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"S\" selected=\"selected\">Sell</option>", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Signals</a>", html, StringComparison.Ordinal);
    }

    private async Task<List<string[]>> RowsAsync(string url)
    {
        using var client = dashboard.Client();
        return PageHtml.Rows(await client.GetStringAsync(new Uri(url, UriKind.Relative)), "signals");
    }

    private static class Column
    {
        public const int Date = 0, Portfolio = 1, Symbol = 2, Code = 3, Strategy = 4, Strength = 5, Close = 6, Evidence = 7;
    }
}
