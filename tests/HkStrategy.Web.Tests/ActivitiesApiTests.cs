using System.Net;
using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>The ledger's API: pages of activities newest first, each with the same object as <c>hks activity list --json</c>, and each activity's journal.</summary>
public sealed class ActivitiesApiTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    private static readonly string[] FeeNames = ["stampDuty", "sfcLevy", "afrcLevy", "tradingFee", "settlementFee", "commission", "total"];

    [Fact]
    public async Task TheLedger_ComesNewestFirst_APageAtATime_WithFeesByKindAndThePositionLeft()
    {
        await dashboard.Db.ExecuteAsync("INSERT INTO portfolios (portfolio_id, name) VALUES ('Api_Book', 'API book')");
        using var client = dashboard.Client();
        const string page = "/portfolios/Api_Book/activities";
        foreach (var (date, quantity) in new[] { ("2026-03-02", "1000"), ("2026-03-03", "500"), ("2026-03-04", "200") })
        {
            await FormPost.SubmitAsync(client, page, page + "?handler=Add", new Dictionary<string, string>
                { ["Form.Type"] = "buy", ["Form.Date"] = date, ["Form.Symbol"] = "0005.HK", ["Form.Quantity"] = quantity, ["Form.Price"] = "60" });
        }

        using var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/portfolios/Api_Book/activities?offset=1&limit=1", UriKind.Relative)));

        Assert.Equal(3, all.RootElement.GetProperty("total").GetInt32());
        var second = all.RootElement.GetProperty("activities").EnumerateArray().Single();
        Assert.Equal("2026-03-03", second.GetProperty("tradeDate").GetString());
        Assert.Equal("2026-03-05", second.GetProperty("settlementDate").GetString());
        // 30,000 of consideration: stamp duty 30, SFC 0.81, AFRC 0.05 (0.045 half up), trading fee 1.70 (1.695), settlement 2.
        var fees = second.GetProperty("fees");
        Assert.Equal([30m, 0.81m, 0.05m, 1.70m, 2m, 0m, 34.56m], FeeNames.Select(name => fees.GetProperty(name).GetDecimal()));
        Assert.Equal(1500, second.GetProperty("position").GetProperty("quantity").GetInt32());
        var id = second.GetProperty("id").GetInt64();
        using var journal = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/portfolios/Api_Book/activities/{id}/journal", UriKind.Relative)));
        Assert.Equal("added", journal.RootElement.EnumerateArray().First().GetProperty("change").GetString());
    }

    [Theory]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities?limit=0", "limit")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities?limit=99999999999", "limit")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities?offset=-1", "offset")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities?type=theft", "type")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities?from=2026-02-30", "from")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities?symbol=%27%20OR%201%3D1", "symbol")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities/1e3/journal", "activityId")]
    public async Task AHostileParameter_IsAValidationProblemNamingIt(string path, string field)
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnActivityOfAnotherPortfolio_HasNoJournalHere()
    {
        using var client = dashboard.Client();
        var id = await dashboard.Db.ScalarAsync<long>("SELECT MIN(id) FROM activities WHERE portfolio_id = 'My_HKEX_ALL'");

        var mine = await client.GetAsync(new Uri($"/api/portfolios/My_HKEX_ALL/activities/{id}/journal", UriKind.Relative));
        var elsewhere = await client.GetAsync(new Uri($"/api/portfolios/HKEX_NonTech/activities/{id}/journal", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
