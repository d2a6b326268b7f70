using System.Net;
using System.Text.Json;
using Dapper;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

public sealed class PortfolioPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    private const string Page = "/portfolios/My_HKEX_ALL";

    [Fact]
    public async Task PortfoliosPage_ListsEveryPortfolioWithTheDemoTotal()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        foreach (var id in new[] { "My_HKEX_ALL", "HKEX_NonTech", "Backup_HKEXALL", "MyHKEX_Tech", "HKEXALL_Backup" })
        {
            Assert.Contains($"href=\"/portfolios/{id}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("<th class=\"n\" id=\"total-value\">4,052,660.20</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortfolioPage_ShowsEveryPositionTheTotalsAndEachPositionsLatestSignal()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri(Page, UriKind.Relative));

        Assert.Equal(12, CountOf(html, "<tr id=\"row-"));
        Assert.Contains("id=\"total-value\">4,052,660.20</th>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"MyHKEX_Tech\">", html, StringComparison.Ordinal);
        await using var connection = await dashboard.Db.OpenAsync();
        var latest = await connection.QuerySingleAsync<string>(
            "SELECT code FROM signals WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK' ORDER BY trade_date DESC LIMIT 1");
        var row = RowOf(html, "0700.HK");
        Assert.Contains($">{latest}</span>", row, StringComparison.Ordinal);
        Assert.Contains("target 660.00", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortfolioPage_FilteredAndSorted_ShowsMatchingRowsInOrderWithTheirSubtotal()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri(Page + "?q=tech&sort=value&dir=desc", UriKind.Relative));

        var symbols = System.Text.RegularExpressions.Regex.Matches(html, "<tr id=\"row-([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["0700.HK", "9988.HK", "1810.HK", "3690.HK", "9618.HK"], symbols);
        Assert.Contains("Total of 5 shown", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total-value\">2,251,033.60</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeMadeOutsideTheDashboard_ShowsOnTheNextRequest()
    {
        await using var db = await NewPortfolioAsync("Outside_Test", "('Outside_Test', '0700.HK', 'Tencent', 100, 300, 400, 'Tech')");
        using var client = dashboard.Client();
        Assert.Contains("id=\"total-value\">40,000.00</th>", await client.GetStringAsync(new Uri("/portfolios/Outside_Test", UriKind.Relative)), StringComparison.Ordinal);

        await dashboard.Db.ExecuteAsync("UPDATE portfolio_positions SET quantity = 200 WHERE portfolio_id = 'Outside_Test'");

        Assert.Contains("id=\"total-value\">80,000.00</th>", await client.GetStringAsync(new Uri("/portfolios/Outside_Test", UriKind.Relative)), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/portfolios/Outside_Test/positions", UriKind.Relative)));
        Assert.Equal(200, json.RootElement.GetProperty("positions")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task ALargePortfolio_IsShownAHundredRowsAPage_WithTotalsOfAll_AndRowsOnLaterPagesOpenForEditing()
    {
        await using var db = await NewPortfolioAsync("Large_Test");
        await dashboard.Db.ExecuteAsync("""
            INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector)
            SELECT 'Large_Test', (20000 + i)::text || '.HK', 'Company ' || i, 10, 1, 2, 'Tech' FROM generate_series(0, 149) i
            """);
        using var client = dashboard.Client();

        var second = await client.GetStringAsync(new Uri("/portfolios/Large_Test?p=2", UriKind.Relative));

        Assert.Equal(50, CountOf(second, "<tr id=\"row-"));
        Assert.Contains("id=\"total-value\">3,000.00</th>", second, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2 (150 positions)", second, StringComparison.Ordinal);
        var edit = System.Text.RegularExpressions.Regex.Match(second, "href=\"(/portfolios/Large_Test\\?[^\"]*edit=20149.HK[^\"]*)\"").Groups[1].Value;
        Assert.Contains("p=2", edit, StringComparison.Ordinal);
        var editor = await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(edit), UriKind.Relative));
        Assert.Contains("id=\"edit-form\"", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APositionWorthMoreThanTheDatabaseHolds_IsRefusedBesideItsQuantity()
    {
        await using var db = await NewPortfolioAsync("Huge_Test");
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/portfolios/Huge_Test", "/portfolios/Huge_Test?handler=Add", new Dictionary<string, string>
        {
            ["Form.Symbol"] = "0700.HK", ["Form.Quantity"] = "100000000", ["Form.AverageCost"] = "1000",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("too large", PageHtml.FieldError(await response.Content.ReadAsStringAsync(), "Form.Quantity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingPortfolio_OpensTheChosenOneAtItsOwnAddress()
    {
        using var client = dashboard.Client(followRedirects: false);

        var response = await client.GetAsync(new Uri("/switch-portfolio?id=MyHKEX_Tech", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portfolios/MyHKEX_Tech", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AddingAPosition_ChangesTheTotals_AndItsMissingPricesAreFlaggedStale()
    {
        await using var db = await NewPortfolioAsync("Add_Test");
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/portfolios/Add_Test", "/portfolios/Add_Test?handler=Add", new Dictionary<string, string>
        {
            ["Form.Symbol"] = "5.hk", ["Form.Quantity"] = "1,000", ["Form.AverageCost"] = "60.5", ["Form.CurrentPrice"] = "70", ["Form.TargetSell"] = "90",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("added 0005.HK (HSBC Holdings plc) to Add_Test: 1,000 at 60.500, worth HK$70,000.00", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("id=\"total-value\">70,000.00</th>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total-pnl\">&#x2B;9,500.00</th>", html, StringComparison.Ordinal);
        Assert.Contains("target 90.00", RowOf(html, "0005.HK"), StringComparison.Ordinal);
        Assert.Contains("HSBC", RowOf(html, "0005.HK"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAPosition_WithBadNumbers_ShowsEachMessageBesideItsField_AndWritesNothing()
    {
        await using var db = await NewPortfolioAsync("Bad_Add");
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/portfolios/Bad_Add", "/portfolios/Bad_Add?handler=Add", new Dictionary<string, string>
        {
            ["Form.Symbol"] = "0700.HK", ["Form.Quantity"] = "-5", ["Form.AverageCost"] = "1.23456", ["Form.AddZoneLow"] = "500",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a whole number of shares", PageHtml.FieldError(html, "Form.Quantity"), StringComparison.Ordinal);
        Assert.Contains("has more than three decimals", PageHtml.FieldError(html, "Form.AverageCost"), StringComparison.Ordinal);
        Assert.Contains("needs both its low and its high", PageHtml.FieldError(html, "Form.AddZoneHigh"), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Bad_Add'"));
    }

    [Fact]
    public async Task AddingAPosition_WithoutItsAverageCost_SaysSoBesideThatField_AndWritesNothing()
    {
        await using var db = await NewPortfolioAsync("No_Cost");
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/portfolios/No_Cost", "/portfolios/No_Cost?handler=Add",
            new Dictionary<string, string> { ["Form.Symbol"] = "0700.HK", ["Form.Quantity"] = "100" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a new position needs a quantity and an average cost", PageHtml.FieldError(html, "Form.AverageCost"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'No_Cost'"));
    }

    [Fact]
    public async Task EditingARow_SavesQuantityAndRules_InOneStep()
    {
        await using var db = await NewPortfolioAsync("Edit_Test", "('Edit_Test', '0700.HK', 'Tencent', 100, 300, 400, 'Tech')");
        using var client = dashboard.Client();
        var editor = await client.GetStringAsync(new Uri("/portfolios/Edit_Test?edit=0700.HK", UriKind.Relative));
        var version = System.Text.RegularExpressions.Regex.Match(editor, "name=\"Form.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var response = await FormPost.SubmitAsync(client, "/portfolios/Edit_Test", "/portfolios/Edit_Test?handler=Update", new Dictionary<string, string>
        {
            ["Form.Symbol"] = "0700.HK", ["Form.Version"] = version, ["Form.Quantity"] = "250", ["Form.AverageCost"] = "300", ["Form.CurrentPrice"] = "400",
            ["Form.Sector"] = "Tech", ["Form.StopLoss"] = "280", ["Form.AddZoneLow"] = "310", ["Form.AddZoneHigh"] = "320",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("updated 0700.HK", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total-value\">100,000.00</th>", html, StringComparison.Ordinal);
        Assert.Contains("stop 280.00 · add 310.00–320.00", RowOf(html, "0700.HK"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingARow_ChangedMeanwhile_IsRefusedBesideTheField()
    {
        await using var db = await NewPortfolioAsync("Race_Test", "('Race_Test', '0700.HK', 'Tencent', 100, 300, 400, 'Tech')");
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/portfolios/Race_Test", "/portfolios/Race_Test?handler=Update", new Dictionary<string, string>
        {
            ["Form.Symbol"] = "0700.HK", ["Form.Version"] = "1", ["Form.Quantity"] = "1",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("was changed by someone else", PageHtml.FieldError(html, "Form.Quantity"), StringComparison.Ordinal);
        Assert.Equal(100, await CountAsync("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'Race_Test'"));
    }

    [Fact]
    public async Task RemovingAPosition_NeedsItsSymbolTyped_AndTakesAVerifiedBackupFirst()
    {
        await using var db = await NewPortfolioAsync("Remove_Test", "('Remove_Test', '0388.HK', 'HKEx', 10, 300, 400, 'Financials')");
        using var client = dashboard.Client();
        var backups = Path.Combine(dashboard.Home, "backups");
        var before = Directory.Exists(backups) ? Directory.GetFiles(backups, "pre_remove*.dump").Length : 0;

        var refused = await FormPost.SubmitAsync(client, "/portfolios/Remove_Test?remove=0388.HK", "/portfolios/Remove_Test?handler=Remove",
            new Dictionary<string, string> { ["Form.Symbol"] = "0388.HK", ["Confirm"] = "0700.HK" });
        Assert.Contains("type 0388.HK to confirm; nothing was removed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Remove_Test'"));

        var removed = await FormPost.SubmitAsync(client, "/portfolios/Remove_Test?remove=0388.HK", "/portfolios/Remove_Test?handler=Remove",
            new Dictionary<string, string> { ["Form.Symbol"] = "0388.HK", ["Confirm"] = "0388.hk" });
        Assert.Contains("removed 0388.HK from Remove_Test; verified backup first", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Remove_Test'"));
        var archives = Directory.GetFiles(backups, "pre_remove*").Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(before + 1, archives.Count);
        Assert.All(archives, a => Assert.True(File.Exists(a + ".manifest.json")));
    }

    [Fact]
    public async Task PostingAFormWithoutItsAntiforgeryToken_IsRejected_AndChangesNothing()
    {
        using var client = dashboard.Client();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Symbol"] = "0001.HK", ["Form.Quantity"] = "1", ["Form.AverageCost"] = "1" });

        var response = await client.PostAsync(new Uri(Page + "?handler=Add", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM portfolio_positions WHERE symbol = '0001.HK'"));
    }

    [Fact]
    public async Task PositionsApi_ReturnsEveryPositionWithItsSignal_AndValuesThatAddUpToThePortfolio()
    {
        using var client = dashboard.Client();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/portfolios/My_HKEX_ALL/positions", UriKind.Relative)));

        var positions = json.RootElement.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(12, positions.Count);
        Assert.Equal(4_052_660.20m, json.RootElement.GetProperty("portfolio").GetProperty("marketValue").GetDecimal());
        Assert.Equal(4_052_660.20m, positions.Sum(p => p.GetProperty("marketValue").GetDecimal()));
        var tencent = positions.Single(p => p.GetProperty("symbol").GetString() == "0700.HK");
        Assert.Equal(660m, tencent.GetProperty("targetSell").GetDecimal());
        Assert.Equal(JsonValueKind.Object, tencent.GetProperty("latestSignal").ValueKind);
    }

    [Fact]
    public async Task PortfolioApi_BadAndUnknownIds_AreAValidationProblemAndNotFound()
    {
        using var client = dashboard.Client();

        var bad = await client.GetAsync(new Uri("/api/portfolios/no%20spaces", UriKind.Relative));
        var unknown = await client.GetAsync(new Uri("/api/portfolios/Nobody/positions", UriKind.Relative));
        var page = await client.GetAsync(new Uri("/portfolios/Nobody", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not a portfolio id", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("there is no portfolio 'Nobody'", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("'hks portfolio list'", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private async Task<IAsyncDisposable> NewPortfolioAsync(string id, string? position = null)
    {
        await dashboard.Db.ExecuteAsync($"INSERT INTO portfolios (portfolio_id, name) VALUES ('{id}', '{id} portfolio')");
        if (position is not null)
        {
            await dashboard.Db.ExecuteAsync($"INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector) VALUES {position}");
        }
        return new Cleanup(() => dashboard.Db.ExecuteAsync(
            $"DELETE FROM position_rules WHERE portfolio_id = '{id}'; DELETE FROM portfolio_positions WHERE portfolio_id = '{id}'; DELETE FROM portfolios WHERE portfolio_id = '{id}'"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await dashboard.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string RowOf(string html, string symbol)
    {
        var start = html.IndexOf($"<tr id=\"row-{symbol}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {symbol}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private sealed class Cleanup(Func<Task> action) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await action();
    }
}
