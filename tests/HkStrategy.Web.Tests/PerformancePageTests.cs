using System.Net;
using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>
/// The Performance page and its API give docs/performance.md's numbers for a hand-computed example: 1,000 shares bought
/// at 10.00 without costs, closes of 10, 11 and 12, a dividend of 300 on the last day, a benchmark at 20, 21 and 22.
/// </summary>
public sealed class PerformancePageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>, IAsyncLifetime
{
    private const string Page = "/portfolios/Perf_Book/performance";

    public async Task InitializeAsync()
    {
        if (await dashboard.Db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolios WHERE portfolio_id = 'Perf_Book'") > 0)
        {
            return;
        }
        // The example's benchmark starts on its first day: the demo's earlier closes of the Tracker Fund go.
        await dashboard.Db.ExecuteAsync("""
            DELETE FROM daily_bars WHERE symbol = '2800.HK' AND trade_date < DATE '2026-03-02';
            INSERT INTO daily_bars (symbol, trade_date, open, high, low, close, volume, source)
            SELECT s.symbol, d.day, d.close + s.shift, d.close + s.shift, d.close + s.shift, d.close + s.shift, 1000, 'test'
            FROM (VALUES ('8888.HK', 0), ('2800.HK', 10)) AS s(symbol, shift),
                 (VALUES (DATE '2026-03-02', 10.0), (DATE '2026-03-03', 11.0), (DATE '2026-03-04', 12.0)) AS d(day, close)
            ON CONFLICT (symbol, trade_date) DO UPDATE SET close = EXCLUDED.close;
            """);
        await ExampleAsync("Perf_Book");
        await ExampleAsync("Perf_Sale");
    }

    /// <summary>The worked example recorded in a new portfolio through the Activities page.</summary>
    private async Task ExampleAsync(string portfolio)
    {
        await dashboard.Db.ExecuteAsync("INSERT INTO portfolios (portfolio_id, name) VALUES (@portfolio, @portfolio)", new { portfolio });
        using var client = dashboard.Client();
        var activities = $"/portfolios/{portfolio}/activities";
        await FormPost.SubmitAsync(client, activities, activities + "?handler=Add", new Dictionary<string, string>
            { ["Form.Type"] = "buy", ["Form.Date"] = "2026-03-02", ["Form.Symbol"] = "8888.HK", ["Form.Quantity"] = "1000", ["Form.Price"] = "10", ["Form.Fees"] = "0" });
        await FormPost.SubmitAsync(client, activities, activities + "?handler=Add", new Dictionary<string, string>
            { ["Form.Type"] = "dividend", ["Form.Date"] = "2026-03-04", ["Form.Symbol"] = "8888.HK", ["Form.Amount"] = "300" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ThePage_ShowsTheReturnsOfTheWorkedExample_AgainstTheBenchmarkAndTheBaseline()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri(Page + "?from=2026-03-02&to=2026-03-04&baseline=2026-03-02", UriKind.Relative));

        Assert.Equal("+2,000.00", Card(html, "unrealized-pnl"));
        Assert.Equal("HK$300.00", Card(html, "dividends"));
        Assert.Equal("HK$12,000.00", Card(html, "end-value"));
        // 1.10 × (12,000 + 300) / 11,000 − 1
        Assert.Equal("+23.00%", Card(html, "twr"));
        Assert.Equal("+10.00%", Card(html, "benchmark-twr"));
        Assert.Equal("+20.00%", Card(html, "baseline-twr"));
        Assert.Equal(["2026", "300.00", "0.00", "0.00"], PageHtml.Rows(html, "years").Single());
        Assert.Equal(["+23.00%"], PageHtml.Rows(html, "position-returns").Single().Skip(8).Take(1)); // the only position: the portfolio's TWR
        using var chart = JsonDocument.Parse(PageHtml.ScriptJson(html, "performance-data"));
        Assert.Equal([0m, 10m, 23m], chart.RootElement.GetProperty("twr").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal([0m, 5m, 10m], chart.RootElement.GetProperty("benchmarkTwr").EnumerateArray().Select(v => v.GetDecimal()));
    }

    [Fact]
    public async Task TheApi_GivesTheSameReport_AsFractions()
    {
        using var client = dashboard.Client();

        using var report = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/portfolios/Perf_Book/performance?from=2026-03-02&to=2026-03-04&benchmark=2800.HK", UriKind.Relative)));

        var root = report.RootElement;
        Assert.Equal(0.23m, Math.Round(root.GetProperty("twr").GetDecimal(), 6));
        Assert.Equal("2800.HK", root.GetProperty("benchmark").GetProperty("symbol").GetString());
        Assert.Equal(0.1m, Math.Round(root.GetProperty("benchmark").GetProperty("twr").GetDecimal(), 6));
        Assert.Equal(300m, root.GetProperty("dividends").GetDecimal());
        Assert.Equal(2000m, root.GetProperty("unrealizedPnl").GetDecimal());
        Assert.Equal(0m, root.GetProperty("fees").GetProperty("total").GetDecimal());
        Assert.Equal(3, root.GetProperty("daily").GetArrayLength());
        Assert.Equal(0.23m, Math.Round(Assert.Single(root.GetProperty("positions").EnumerateArray()).GetProperty("twr").GetDecimal(), 6));
    }

    [Fact]
    public async Task ARecordedSale_ChangesTheReport_RightAway()
    {
        using var client = dashboard.Client();
        const string activities = "/portfolios/Perf_Sale/activities";
        const string page = "/portfolios/Perf_Sale/performance?to=2026-03-04&benchmark=^HSI";
        var before = await client.GetStringAsync(new Uri(page, UriKind.Relative));

        await FormPost.SubmitAsync(client, activities, activities + "?handler=Add", new Dictionary<string, string>
            { ["Form.Type"] = "sell", ["Form.Date"] = "2026-03-04", ["Form.Symbol"] = "8888.HK", ["Form.Quantity"] = "500", ["Form.Price"] = "12", ["Form.Fees"] = "25" });
        var after = await client.GetStringAsync(new Uri(page, UriKind.Relative));

        Assert.Equal("0.00", Card(before, "realized-pnl"));
        // 6,000 of proceeds, less 25 of costs, less the 5,000 of average cost the 500 shares take off.
        Assert.Equal("+975.00", Card(after, "realized-pnl"));
        Assert.Equal("HK$25.00", Card(after, "costs"));
        Assert.Equal(["2026-03-04", "8888.HK", "500", "6,000.00", "25.00", "5,000.00", "+975.00"], PageHtml.Rows(after, "sales").Single()[..7]);
        Assert.Equal("–", Card(after, "benchmark-twr"));
    }

    [Fact]
    public async Task APortfolioRenamedElsewhere_IsShownByItsNewName_OnTheNextRequest()
    {
        using var client = dashboard.Client();
        const string page = "/portfolios/Perf_Sale/performance?to=2026-03-04";
        var before = await client.GetStringAsync(new Uri(page, UriKind.Relative));

        await dashboard.Db.ExecuteAsync("UPDATE portfolios SET name = 'Renamed in psql' WHERE portfolio_id = 'Perf_Sale'");
        var after = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        await dashboard.Db.ExecuteAsync("UPDATE portfolios SET name = 'Perf_Sale' WHERE portfolio_id = 'Perf_Sale'");

        Assert.Contains("<title>Performance · Perf_Sale", before, StringComparison.Ordinal);
        Assert.Contains("<title>Performance · Renamed in psql", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=2026-03-05&to=2026-03-01", "From")]
    [InlineData("?from=03/02/2026", "From")]
    [InlineData("?to=tomorrow", "To")]
    [InlineData("?benchmark=%3Cscript%3E", "Benchmark")]
    [InlineData("?baseline=2026-02-30", "Baseline")]
    public async Task AParameterThatIsNotADateOrASymbol_IsRefusedBesideItsField(string query, string field)
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri(Page + query, UriKind.Relative));

        Assert.NotEqual("", PageHtml.FieldError(html, field));
        Assert.DoesNotContain("id=\"twr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?benchmark=DROP%20TABLE", "benchmark")]
    public async Task TheApi_RefusesABadParameter_AsAValidationProblemNamingIt(string query, string field)
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri("/api/portfolios/Perf_Book/performance" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    private static string Card(string html, string id) =>
        PageHtml.Text(System.Text.RegularExpressions.Regex.Match(html, $"id=\"{id}\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);
}
