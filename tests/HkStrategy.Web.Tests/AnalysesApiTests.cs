using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HkStrategy.Web.Tests;

public sealed class AnalysesApiTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task AnalysesApi_List_GivesEachStoredAnalysisWithItsFigures()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Listed by the API", months: 2);
        var expected = await dashboard.Db.ScalarAsync<int>("SELECT count(*)::int FROM portfolio_analyses WHERE portfolio_id = 'My_HKEX_ALL'");
        using var client = dashboard.Client();

        var analyses = await client.GetFromJsonAsync<JsonElement[]>(new Uri("/api/analyses?portfolio=My_HKEX_ALL", UriKind.Relative));

        Assert.Equal(expected, analyses!.Length);
        var listed = Assert.Single(analyses, a => a.GetProperty("id").GetInt32() == run.Id);
        Assert.Equal("Listed by the API", listed.GetProperty("name").GetString());
        Assert.Equal(run.Result.TotalReturn, listed.GetProperty("totalReturn").GetDecimal());
        Assert.Equal(run.Result.MaxDrawdown, listed.GetProperty("maxDrawdown").GetDecimal());
        Assert.Equal(run.Result.Days.Count, listed.GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task AnalysesApi_Show_GivesDailyValuesDrawdownsAndFigures()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Shown by the API", months: 4);
        using var client = dashboard.Client();

        var detail = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/analyses/{run.Id}", UriKind.Relative));

        var days = detail.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(run.Result.EndValue, detail.GetProperty("analysis").GetProperty("endPv").GetDecimal());
        Assert.Equal(run.Result.Days.Select(d => d.Value), days.Select(d => d.GetProperty("value").GetDecimal()));
        Assert.Equal(run.Result.MaxDrawdown, Math.Round(-days.Min(d => d.GetProperty("drawdown").GetDecimal()), 4, MidpointRounding.AwayFromZero));
        Assert.Equal(0m, days[0].GetProperty("drawdown").GetDecimal());
        Assert.Equal(run.Result.Days[1].TopContributors[0].Symbol, days[1].GetProperty("topContributors")[0].GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task AnalysesApi_Compare_GivesTheDifferenceOfTheFigures()
    {
        var a = await KnownAnalyses.CreateAsync(dashboard.Db, "API compared: one month", months: 1);
        var b = await KnownAnalyses.CreateAsync(dashboard.Db, "API compared: five months", months: 5);
        using var client = dashboard.Client();

        var comparison = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/analyses/compare?a={a.Id}&b={b.Id}", UriKind.Relative));

        Assert.Equal(a.Id, comparison.GetProperty("first").GetProperty("id").GetInt32());
        Assert.Equal(b.Result.TotalReturn - a.Result.TotalReturn, comparison.GetProperty("difference").GetProperty("totalReturn").GetDecimal());
        Assert.Equal(b.Result.Days.Count - a.Result.Days.Count, comparison.GetProperty("difference").GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task AnalysesApi_InvalidIdOrPortfolio_IsAValidationProblem()
    {
        using var client = dashboard.Client();

        var badId = await client.GetAsync(new Uri("/api/analyses/twelve", UriKind.Relative));
        var badPortfolio = await client.GetAsync(new Uri("/api/analyses?portfolio=no%20such!", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal("'twelve' is not an analysis id (a whole number such as 12)",
            (await badId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("id")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPortfolio.StatusCode);
        Assert.True((await badPortfolio.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("portfolio", out _));
    }

    [Fact]
    public async Task AnalysesApi_UnknownId_IsNotFoundInOneLine()
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri("/api/analyses/987654", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("there is no value analysis 987654", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysesApi_IsReadOnly()
    {
        var before = await KnownAnalyses.CountAsync(dashboard.Db);
        using var client = dashboard.Client();
        using var body = JsonContent.Create(new { portfolio = "My_HKEX_ALL", from = "2026-01-02", to = "2026-03-31" });

        var response = await client.PostAsync(new Uri("/api/analyses", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(before, await KnownAnalyses.CountAsync(dashboard.Db));
    }

    [Fact]
    public async Task AnalysesApi_IsDescribedInTheOpenApiDocument()
    {
        using var client = dashboard.Client();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/analyses", out _));
        Assert.True(paths.GetProperty("/api/analyses/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.TryGetProperty("/api/analyses/compare", out _));
    }
}
