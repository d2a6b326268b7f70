using System.Globalization;
using System.Net;
using System.Text.Json;
using HkStrategy.Core.Calendar;
using HkStrategy.Operations.Analysis;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>Value analyses made directly (not through the page), for the tests that read or delete them.</summary>
public static class KnownAnalyses
{
    public const string Portfolio = "My_HKEX_ALL";

    public static Task<DateOnly> LastBarAsync(TestDatabase db) => db.ScalarAsync<DateOnly>("SELECT max(trade_date) FROM daily_bars");

    public static async Task<ValueAnalysisRun> CreateAsync(TestDatabase db, string name, int months)
    {
        var to = await LastBarAsync(db);
        await using var connection = await db.OpenAsync();
        return await new ValueAnalysisRunner(TradingCalendar.Hkex).RunAsync(connection, Portfolio, to.AddMonths(-months), to, name, null, CancellationToken.None);
    }

    public static Task<int> CountAsync(TestDatabase db) => db.ScalarAsync<int>("SELECT count(*)::int FROM portfolio_analyses");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class AnalysesPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    private const string CreateAction = "/analyses?handler=Create";

    [Fact]
    public async Task AnalysesPage_CreateForAPeriod_StoresItAndShowsTheChartData()
    {
        var to = await KnownAnalyses.LastBarAsync(dashboard.Db);
        var from = to.AddMonths(-2);
        using var client = dashboard.Client(followRedirects: false);

        var created = await FormPost.SubmitAsync(client, "/analyses", CreateAction, Form(KnownAnalyses.Portfolio, from, to, "Two months to the last close", "checked on the page"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString["/analyses/".Length..], CultureInfo.InvariantCulture);
        var stored = Assert.Single(await dashboard.Db.QueryAsync<(string Name, DateOnly Start, DateOnly End, decimal StartPv, decimal TotalReturn, string Notes)>(
            "SELECT name, start_date, end_date, start_pv, total_return, user_notes FROM portfolio_analyses WHERE id = @id", new { id }));
        Assert.Equal(("Two months to the last close", from, to, "checked on the page"), (stored.Name, stored.Start, stored.End, stored.Notes));
        var days = await dashboard.Db.ScalarAsync<int>("SELECT count(*)::int FROM portfolio_value_history WHERE analysis_id = @id", new { id });
        Assert.Equal(TradingCalendar.Hkex.Between(from, to).Count(), days);

        var html = await client.GetStringAsync(created.Headers.Location);
        using var charts = JsonDocument.Parse(PageHtml.ScriptJson(html, "analysis-chart-data"));
        var value = charts.RootElement.GetProperty("value-chart").GetProperty("series")[0];
        var drawdown = charts.RootElement.GetProperty("drawdown-chart").GetProperty("series")[0];
        Assert.Equal(days, value.GetProperty("values").GetArrayLength());
        Assert.Equal(days, drawdown.GetProperty("values").GetArrayLength());
        Assert.Equal(KnownAnalyses.Day(TradingCalendar.Hkex.Between(from, to).First()), value.GetProperty("days")[0].GetString());
        Assert.Equal(stored.StartPv, value.GetProperty("values")[0].GetDecimal());
        Assert.Contains("<div class=\"chart\" id=\"value-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"chart\" id=\"drawdown-chart\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"total-return\">{(stored.TotalReturn * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}%</div>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"Stored analysis {id}: {days} trading days", html, StringComparison.Ordinal);
        Assert.Equal(days, PageHtml.Rows(html, "days").Count);
    }

    [Fact]
    public async Task AnalysesPage_PeriodLongerThan18Months_ShowsTheMessageBesideTheField()
    {
        var before = await KnownAnalyses.CountAsync(dashboard.Db);
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/analyses", CreateAction, Form(KnownAnalyses.Portfolio, new DateOnly(2024, 1, 2), new DateOnly(2025, 12, 31)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("the period 2024-01-02 to 2025-12-31 is longer than 18 months, the most an analysis may cover", PageHtml.FieldError(html, "New.To"));
        Assert.Equal("", PageHtml.FieldError(html, "New.From"));
        Assert.Contains("value=\"2024-01-02\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await KnownAnalyses.CountAsync(dashboard.Db));
    }

    [Fact]
    public async Task AnalysesPage_InvalidFields_ShowTheirMessagesBesideEach()
    {
        var before = await KnownAnalyses.CountAsync(dashboard.Db);
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/analyses", CreateAction, new Dictionary<string, string>
        {
            ["New.Portfolio"] = "no such!", ["New.From"] = "2026-02-30", ["New.To"] = "", ["New.Name"] = new string('n', 201),
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("'no such!' is not a portfolio id: use 1–50 letters, digits, '_' or '-'", PageHtml.FieldError(html, "New.Portfolio"));
        Assert.Equal("first day '2026-02-30' is not a date (use YYYY-MM-DD)", PageHtml.FieldError(html, "New.From"));
        Assert.Equal("give the last day (YYYY-MM-DD)", PageHtml.FieldError(html, "New.To"));
        Assert.Equal("the name must have at most 200 characters", PageHtml.FieldError(html, "New.Name"));
        Assert.Equal(before, await KnownAnalyses.CountAsync(dashboard.Db));
    }

    [Fact]
    public async Task AnalysesPage_PortfolioWithoutPositions_SaysSoBesideThePortfolio()
    {
        var to = await KnownAnalyses.LastBarAsync(dashboard.Db);
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/analyses", CreateAction, Form("HKEX_NonTech", to.AddMonths(-1), to));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("there are no daily bars of HKEX_NonTech's positions", PageHtml.FieldError(html, "New.Portfolio"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysesPage_SameNameForTheSamePeriod_IsRefusedBesideTheName()
    {
        var first = await KnownAnalyses.CreateAsync(dashboard.Db, "Taken name", months: 1);
        var before = await KnownAnalyses.CountAsync(dashboard.Db);
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/analyses", CreateAction, Form(KnownAnalyses.Portfolio, first.From, first.To, "Taken name"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("My_HKEX_ALL has an analysis named \"Taken name\" of this period already: choose another name, or delete that one", PageHtml.FieldError(html, "New.Name"));
        Assert.Equal(before, await KnownAnalyses.CountAsync(dashboard.Db));
    }

    [Fact]
    public async Task AnalysesPage_PostWithoutAntiforgeryToken_IsRejected()
    {
        var to = await KnownAnalyses.LastBarAsync(dashboard.Db);
        var before = await KnownAnalyses.CountAsync(dashboard.Db);
        using var client = dashboard.Client();
        await client.GetStringAsync(new Uri("/analyses", UriKind.Relative));

        var response = await FormPost.PostAsync(client, CreateAction, Form(KnownAnalyses.Portfolio, to.AddMonths(-1), to, "Forged"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await KnownAnalyses.CountAsync(dashboard.Db));
    }

    [Fact]
    public async Task AnalysesPage_List_ShowsEachAnalysisWithItsFigures()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Listed with figures", months: 3);
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri($"/analyses?portfolio={KnownAnalyses.Portfolio}", UriKind.Relative));
        var row = Assert.Single(PageHtml.Rows(html, "analyses"), r => r[Column.Name] == "Listed with figures");

        var r = run.Result;
        Assert.Equal($"{KnownAnalyses.Day(run.From)} – {KnownAnalyses.Day(run.To)}", row[Column.Period]);
        Assert.Equal(r.Days.Count.ToString(CultureInfo.InvariantCulture), row[Column.Days]);
        Assert.Equal(r.StartValue.ToString("N2", CultureInfo.InvariantCulture), row[Column.StartValue]);
        Assert.Equal(r.EndValue.ToString("N2", CultureInfo.InvariantCulture), row[Column.EndValue]);
        Assert.Equal(Percent(r.TotalReturn), row[Column.TotalReturn]);
        Assert.Equal(Percent(-r.MaxDrawdown), row[Column.MaxDrawdown]);
        Assert.Equal((r.Volatility * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%", row[Column.Volatility]);
        Assert.Contains($"<a href=\"/analyses/{run.Id}\">Listed with figures</a>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/analyses/compare\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysesPage_NewAnalysisForm_OffersTheLastThreeMonthsByDefault()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri("/analyses", UriKind.Relative));

        var last = MarketClock.LastClosedTradingDay(DateTimeOffset.UtcNow, TradingCalendar.Hkex);
        Assert.Contains($"name=\"New.To\" value=\"{KnownAnalyses.Day(last)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"New.From\" value=\"{KnownAnalyses.Day(last.AddMonths(-3))}\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Analyses</a>", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string portfolio, DateOnly from, DateOnly to, string name = "", string notes = "") => new()
    {
        ["New.Portfolio"] = portfolio, ["New.From"] = KnownAnalyses.Day(from), ["New.To"] = KnownAnalyses.Day(to), ["New.Name"] = name, ["New.Notes"] = notes,
    };

    private static string Percent(decimal fraction) => (fraction * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    private static class Column
    {
        public const int Name = 3, Period = 5, Days = 6, StartValue = 7, EndValue = 8, TotalReturn = 9, MaxDrawdown = 10, Volatility = 11;
    }
}
