using System.Net;
using System.Net.Http.Headers;
using Dapper;

using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

public sealed class ManagePageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task EditingAPortfolio_ChangesItsNameEverywhere_AndABlankNameIsRefusedBesideTheField()
    {
        using var client = dashboard.Client();
        const string page = "/portfolios/MyHKEX_Tech/manage";

        var blank = await FormPost.SubmitAsync(client, page, page + "?handler=Edit", new Dictionary<string, string> { ["Name"] = "  ", ["Description"] = "x" });
        var saved = await FormPost.SubmitAsync(client, page, page + "?handler=Edit", new Dictionary<string, string> { ["Name"] = "Tech leaders", ["Description"] = "Renamed here" });

        Assert.Contains("a portfolio's name must have 1–200 characters", WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Tech leaders <small", html, StringComparison.Ordinal);
        Assert.Contains("Renamed here", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyingAPortfolio_CreatesItWithTheSamePositions_AndAnExistingIdIsRefused()
    {
        using var client = dashboard.Client();
        const string page = "/portfolios/My_HKEX_ALL/manage";

        var taken = await FormPost.SubmitAsync(client, page, page + "?handler=Copy", new Dictionary<string, string> { ["CopyId"] = "HKEX_NonTech" });
        var copied = await FormPost.SubmitAsync(client, page, page + "?handler=Copy", new Dictionary<string, string> { ["CopyId"] = "Copy_Of_All", ["CopyName"] = "A copy" });

        Assert.Contains("HKEX_NonTech", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/portfolios/Copy_Of_All", copied.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Contains("id=\"total-value\">4,052,660.20</th>", await copied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(12, await ScalarAsync("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Copy_Of_All'"));
    }

    [Fact]
    public async Task TheBrokerProfile_IsSetOnThePage_EachBadValueRefusedBesideItsField_AndATradeThenPaysItsCommission()
    {
        await dashboard.Db.ExecuteAsync("INSERT INTO portfolios (portfolio_id, name) VALUES ('Broker_Page', 'Broker page')");
        using var client = dashboard.Client();
        const string page = "/portfolios/Broker_Page/manage";

        var refused = await FormPost.SubmitAsync(client, page, page + "?handler=Broker", new Dictionary<string, string>
        {
            ["Broker"] = "Futu", ["CommissionRate"] = "0.03", ["CommissionMinimum"] = "-3", ["PlatformFee"] = "15",
        });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("commission rate '0.03': write the rate with its percent sign", html, StringComparison.Ordinal);
        Assert.DoesNotContain("--commission", html, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM broker_profiles WHERE portfolio_id = 'Broker_Page'"));

        var saved = await FormPost.SubmitAsync(client, page, page + "?handler=Broker", new Dictionary<string, string>
        {
            ["Broker"] = "Futu", ["CommissionRate"] = "0.03%", ["CommissionMinimum"] = "3", ["PlatformFee"] = "15",
        });
        var shown = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());
        Assert.Contains("Futu: 0.03% of the consideration, at least HK$3.00, plus HK$15.00 a trade", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"0.03%\"", shown, StringComparison.Ordinal);

        var trade = await FormPost.SubmitAsync(client, "/portfolios/Broker_Page/activities", "/portfolios/Broker_Page/activities?handler=Add",
            new Dictionary<string, string>
            {
                ["Form.Type"] = "buy", ["Form.Date"] = "2024-06-03", ["Form.Symbol"] = "0700.HK", ["Form.Quantity"] = "100", ["Form.Price"] = "350",
            });
        Assert.True(trade.IsSuccessStatusCode, await trade.Content.ReadAsStringAsync());
        Assert.Equal(25.50m, await dashboard.Db.ScalarAsync<decimal>("SELECT commission FROM activities WHERE portfolio_id = 'Broker_Page'"));

        var cleared = await FormPost.SubmitAsync(client, page, page + "?handler=ClearBroker", []);
        Assert.Contains("broker profile removed", await cleared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM broker_profiles WHERE portfolio_id = 'Broker_Page'"));
    }

    [Fact]
    public async Task DeletingAPortfolio_NeedsItsIdTyped_AndTakesAVerifiedBackupFirst()
    {
        await dashboard.Db.ExecuteAsync("INSERT INTO portfolios (portfolio_id, name) VALUES ('Doomed', 'Doomed')");
        using var client = dashboard.Client();
        const string page = "/portfolios/Doomed/manage";

        var refused = await FormPost.SubmitAsync(client, page, page + "?handler=Delete", new Dictionary<string, string> { ["Confirm"] = "doomed" });
        Assert.Contains("type Doomed to confirm; nothing was deleted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM portfolios WHERE portfolio_id = 'Doomed'"));

        var deleted = await FormPost.SubmitAsync(client, page, page + "?handler=Delete", new Dictionary<string, string> { ["Confirm"] = "Doomed" });

        Assert.Contains("deleted portfolio Doomed; verified backup first: pre_delete", await deleted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM portfolios WHERE portfolio_id = 'Doomed'"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dashboard.Home, "backups"), "pre_delete*.manifest.json"));
    }

    [Fact]
    public async Task AnExportedDocument_ImportsUnderANewId_AfterAPreview_AndImportingItAgainChangesNothing()
    {
        using var client = dashboard.Client();
        var json = await client.GetByteArrayAsync(new Uri("/portfolios/My_HKEX_ALL/export.json", UriKind.Relative));
        var csv = await client.GetStringAsync(new Uri("/portfolios/My_HKEX_ALL/export.csv", UriKind.Relative));
        Assert.StartsWith("Symbol,Company,Sector,Quantity", csv, StringComparison.Ordinal);

        var preview = await UploadAsync(client, json, "Imported_All");
        Assert.Contains("Importing into <strong>Imported_All</strong>: a new portfolio, 12 position(s) added", preview, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM portfolios WHERE portfolio_id = 'Imported_All'"));

        var text = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(preview, "name=\"Text\" value=\"([^\"]*)\"").Groups[1].Value);
        var applied = await FormPost.SubmitAsync(client, "/", "/portfolios/import?handler=Apply", new Dictionary<string, string> { ["Text"] = text, ["As"] = "Imported_All" });
        Assert.Contains("imported into Imported_All", await applied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(12, await ScalarAsync("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Imported_All'"));

        Assert.Contains("nothing changes", await UploadAsync(client, json, "Imported_All"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingSomethingThatIsNotAPortfolioDocument_SaysSoInOneLine()
    {
        using var client = dashboard.Client();

        var html = WebUtility.HtmlDecode(await UploadAsync(client, "{\"hello\": 1}"u8.ToArray(), null));

        Assert.Contains("portfolio.json is not a portfolio document", html, StringComparison.Ordinal);
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] document, string? asId)
    {
        var token = await FormPost.TokenAsync(client, "/");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Document", "portfolio.json");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        if (asId is not null)
        {
            form.Add(new StringContent(asId), "As");
        }
        var response = await client.PostAsync(new Uri("/portfolios/import", UriKind.Relative), form);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await dashboard.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
