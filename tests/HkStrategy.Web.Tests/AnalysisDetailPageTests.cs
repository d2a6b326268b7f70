using System.Globalization;
using System.Net;
using System.Text.Json;

using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

public sealed class AnalysisDetailPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task AnalysisPage_DrawdownChart_FallsAsDeepAsTheStoredMaxDrawdown()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Drawdown shown", months: 6);
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri($"/analyses/{run.Id}", UriKind.Relative));

        using var charts = JsonDocument.Parse(PageHtml.ScriptJson(html, "analysis-chart-data"));
        var drawdowns = charts.RootElement.GetProperty("drawdown-chart").GetProperty("series")[0].GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        Assert.True(run.Result.MaxDrawdown > 0, "six months of the demo's prices fall somewhere");
        // The stored figure is rounded to four decimals of a fraction, the chart to two of a percentage.
        Assert.InRange(drawdowns.Min(), -run.Result.MaxDrawdown * 100 - 0.01m, -run.Result.MaxDrawdown * 100 + 0.01m);
        Assert.All(drawdowns, d => Assert.True(d <= 0));
        Assert.Contains($"id=\"max-drawdown\">{(-run.Result.MaxDrawdown * 100).ToString("0.00", CultureInfo.InvariantCulture)}%</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisPage_DailyTable_NamesTheTopContributorsOfEachDay()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Contributors shown", months: 1);
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri($"/analyses/{run.Id}", UriKind.Relative));
        var rows = PageHtml.Rows(html, "days");

        var second = run.Result.Days[1];
        var row = rows[1];
        Assert.Equal(second.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row[0]);
        Assert.Equal(second.Value.ToString("N2", CultureInfo.InvariantCulture), row[1]);
        Assert.Equal(string.Join(" ", second.TopContributors.Select(c => $"{c.Symbol} {c.Change.ToString("+#,##0.00;-#,##0.00;0.00", CultureInfo.InvariantCulture)}")), row[5]);
        Assert.NotEmpty(second.TopContributors);
    }

    [Fact]
    public async Task AnalysisPage_DeleteWithAWrongConfirmation_ChangesNothing()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Kept after a wrong name", months: 1);
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, $"/analyses/{run.Id}", $"/analyses/{run.Id}?handler=Delete",
            new Dictionary<string, string> { ["Confirm"] = "Kept after a wrong name" }); // its name is not its number
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"type {run.Id} to confirm; nothing was deleted", PageHtml.FieldError(html, "Confirm"));
        Assert.Equal(run.Result.Days.Count, await dashboard.Db.ScalarAsync<int>("SELECT count(*)::int FROM portfolio_value_history WHERE analysis_id = @Id", new { run.Id }));
    }

    [Fact]
    public async Task AnalysisPage_DeleteWithItsNumberTyped_RemovesItAndItsDays_AfterAVerifiedBackup()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Deleted by name", months: 1);
        using var client = dashboard.Client(followRedirects: false);

        var response = await FormPost.SubmitAsync(client, $"/analyses/{run.Id}", $"/analyses/{run.Id}?handler=Delete",
            new Dictionary<string, string> { ["Confirm"] = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/analyses", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await dashboard.Db.ScalarAsync<int>(
            "SELECT (SELECT count(*) FROM portfolio_analyses WHERE id = @Id) + (SELECT count(*) FROM portfolio_value_history WHERE analysis_id = @Id)", new { run.Id }));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/analyses", UriKind.Relative)));
        Assert.Contains($"deleted analysis {run.Id} \"Deleted by name\"", list, StringComparison.Ordinal);
        Assert.Contains("verified backup first: pre_delete_backup_", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisPage_DeleteWithoutAntiforgeryToken_IsRejected()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Kept without a token", months: 1);
        using var client = dashboard.Client();
        await client.GetStringAsync(new Uri($"/analyses/{run.Id}", UriKind.Relative));

        var response = await FormPost.PostAsync(client, $"/analyses/{run.Id}?handler=Delete", new Dictionary<string, string> { ["Confirm"] = "Kept without a token" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await dashboard.Db.ScalarAsync<int>("SELECT count(*)::int FROM portfolio_analyses WHERE id = @Id", new { run.Id }));
    }

    [Fact]
    public async Task AnalysisPage_UnknownId_IsNotFoundInOneLine()
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri("/analyses/987654", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("there is no value analysis 987654", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_TwoAnalyses_ShowsTheirFiguresSideBySideAndBothRebasedTo100()
    {
        var a = await KnownAnalyses.CreateAsync(dashboard.Db, "Compared: three months", months: 3);
        var b = await KnownAnalyses.CreateAsync(dashboard.Db, "Compared: six months", months: 6);
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri($"/analyses/compare?a={a.Id}&b={b.Id}", UriKind.Relative));
        var rows = PageHtml.Rows(html, "comparison").ToDictionary(r => r[0], r => r[1..]);

        Assert.Equal([Percent(a.Result.TotalReturn), Percent(b.Result.TotalReturn), Points(b.Result.TotalReturn - a.Result.TotalReturn)], rows["Total return"]);
        Assert.Equal([Percent(-a.Result.MaxDrawdown), Percent(-b.Result.MaxDrawdown), Points(a.Result.MaxDrawdown - b.Result.MaxDrawdown)], rows["Max drawdown"]);
        Assert.Equal(Points(b.Result.Volatility - a.Result.Volatility), rows["Volatility (a year)"][2]);
        Assert.Equal([a.Result.Days.Count.ToString(CultureInfo.InvariantCulture), b.Result.Days.Count.ToString(CultureInfo.InvariantCulture)], rows["Trading days"][..2]);
        using var charts = JsonDocument.Parse(PageHtml.ScriptJson(html, "analysis-chart-data"));
        var series = charts.RootElement.GetProperty("value-chart").GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["A: Compared: three months", "B: Compared: six months"], series.Select(s => s.GetProperty("name").GetString()));
        Assert.All(series, s => Assert.Equal(100m, s.GetProperty("values")[0].GetDecimal()));
        var lastB = series[1].GetProperty("values").EnumerateArray().Last().GetDecimal();
        Assert.Equal(Math.Round(b.Result.EndValue / b.Result.StartValue * 100, 2, MidpointRounding.AwayFromZero), lastB);
    }

    [Fact]
    public async Task ComparePage_ANameWithMarkup_CannotEndTheChartDataEarly()
    {
        const string name = "</script><script>alert(1)</script>";
        var a = await KnownAnalyses.CreateAsync(dashboard.Db, name, months: 1);
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri($"/analyses/compare?a={a.Id}&b={a.Id}", UriKind.Relative));

        using var charts = JsonDocument.Parse(PageHtml.ScriptJson(html, "analysis-chart-data"));
        Assert.Equal("A: " + name, charts.RootElement.GetProperty("value-chart").GetProperty("series")[0].GetProperty("name").GetString());
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_UnknownAndInvalidIds_ShowTheirMessagesBesideTheChoices()
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri("/analyses/compare?a=987654&b=twelve", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("'twelve' is not an analysis id (a whole number such as 12)", PageHtml.FieldError(html, "B"));
        Assert.Equal("", PageHtml.FieldError(html, "A"));
        Assert.DoesNotContain("id=\"comparison\"", html, StringComparison.Ordinal);

        var unknown = await client.GetStringAsync(new Uri("/analyses/compare?a=987654&b=987655", UriKind.Relative));
        Assert.Equal("there is no value analysis 987654", PageHtml.FieldError(unknown, "A"));
        Assert.Equal("there is no value analysis 987655", PageHtml.FieldError(unknown, "B"));
    }

    private static string Percent(decimal fraction) => (fraction * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    private static string Points(decimal fraction) => (fraction * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " pts";
}
