using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>The Activities page records, edits and removes activities, shows their history and imports files after a preview.</summary>
public sealed class ActivitiesPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task RecordingABuy_DerivesItsPosition_WithHongKongsCostsToTheCent()
    {
        const string page = "/portfolios/Ledger_Buy/activities";
        await NewPortfolioAsync("Ledger_Buy");
        using var client = dashboard.Client();

        var html = await AddAsync(client, page, new() { ["Form.Type"] = "buy", ["Form.Date"] = "2026-03-02", ["Form.Symbol"] = "700", ["Form.Quantity"] = "100", ["Form.Price"] = "350" });

        // 35,000 of consideration: stamp duty 35, SFC levy 0.95, AFRC levy 0.05, trading fee 1.98, settlement fee 2 (its minimum).
        Assert.Contains("costs HK$39.98; 0700.HK now 100 shares at 350.40", Message(html), StringComparison.Ordinal);
        Assert.Equal(39.98m, await dashboard.Db.ScalarAsync<decimal>(
            "SELECT stamp_duty + sfc_levy + afrc_levy + trading_fee + settlement_fee FROM activities WHERE portfolio_id = 'Ledger_Buy' AND activity_type = 'buy'"));
        Assert.Equal(350.4m, await dashboard.Db.ScalarAsync<decimal>("SELECT avg_cost FROM portfolio_positions WHERE portfolio_id = 'Ledger_Buy' AND symbol = '0700.HK'"));
        var row = PageHtml.Rows(html, "activities").Single();
        Assert.Equal(["2026-03-02 settles 2026-03-04", "buy", "0700.HK", "100", "350.00", "35,000.00", "39.98", "100 @ 350.40"], row[1..9]);
    }

    [Fact]
    public async Task AnActivityTheLedgerRefuses_IsExplainedBesideItsField_AndNothingIsWritten()
    {
        const string page = "/portfolios/Ledger_Refused/activities";
        await NewPortfolioAsync("Ledger_Refused");
        using var client = dashboard.Client();
        await AddAsync(client, page, new() { ["Form.Type"] = "buy", ["Form.Date"] = "2026-03-02", ["Form.Symbol"] = "0005.HK", ["Form.Quantity"] = "400", ["Form.Price"] = "60" });

        var oversold = await AddAsync(client, page, new() { ["Form.Type"] = "sell", ["Form.Date"] = "2026-03-03", ["Form.Symbol"] = "0005.HK", ["Form.Quantity"] = "800", ["Form.Price"] = "61" });
        var noPrice = await AddAsync(client, page, new() { ["Form.Type"] = "buy", ["Form.Date"] = "2026-03-03", ["Form.Symbol"] = "0005.HK", ["Form.Quantity"] = "400" });
        var hostile = await AddAsync(client, page, new()
        {
            ["Form.Type"] = "steal", ["Form.Date"] = "2026-02-30", ["Form.Symbol"] = "<script>alert(1)</script>", ["Form.Quantity"] = "1e3",
            ["Form.Price"] = "NaN", ["Form.Ratio"] = "0:1", ["Form.Fees"] = "-5", ["Form.Currency"] = "BTC",
        });

        Assert.Contains("more than", PageHtml.FieldError(oversold, "Form.Quantity"), StringComparison.Ordinal);
        Assert.Equal("a buy needs price, above 0 (the price per share)", PageHtml.FieldError(noPrice, "Form.Price"));
        foreach (var field in new[] { "Form.Type", "Form.Date", "Form.Symbol", "Form.Quantity", "Form.Price", "Form.Ratio", "Form.Fees", "Form.Currency" })
        {
            Assert.NotEqual("", PageHtml.FieldError(hostile, field));
        }
        Assert.DoesNotContain("<script>alert(1)", hostile, StringComparison.Ordinal);
        Assert.Equal(1L, await dashboard.Db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'Ledger_Refused'"));
        Assert.Equal(400, await dashboard.Db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'Ledger_Refused'"));
    }

    [Fact]
    public async Task EditingAnActivityInItsRow_DerivesThePositionAgain_AndItsHistoryKeepsEveryVersion()
    {
        const string page = "/portfolios/Ledger_Edit/activities";
        await NewPortfolioAsync("Ledger_Edit");
        using var client = dashboard.Client();
        await AddAsync(client, page, new() { ["Form.Type"] = "buy", ["Form.Date"] = "2026-03-02", ["Form.Symbol"] = "0388.HK", ["Form.Quantity"] = "100", ["Form.Price"] = "300", ["Form.Fees"] = "0" });
        var id = await dashboard.Db.ScalarAsync<long>("SELECT id FROM activities WHERE portfolio_id = 'Ledger_Edit'");

        var editing = await client.GetStringAsync(new Uri($"{page}?edit={id}", UriKind.Relative));
        Assert.Contains("id=\"edit-activity\"", editing, StringComparison.Ordinal);
        var saved = await FormPost.SubmitAsync(client, page, $"{page}?handler=Update", new Dictionary<string, string>
        {
            ["ActivityId"] = $"{id}", ["Form.Type"] = "buy", ["Form.Date"] = "2026-03-02", ["Form.Quantity"] = "200", ["Form.Price"] = "300", ["Form.Note"] = "contract note 42",
        });
        var html = await saved.Content.ReadAsStringAsync();

        Assert.Contains($"edited activity {id}: buy 200 0388.HK at 300.000 on 2026-03-02; 0388.HK now 200 shares at 300.00", Message(html), StringComparison.Ordinal);
        Assert.Equal(200, await dashboard.Db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'Ledger_Edit'"));
        var history = PageHtml.Rows(await client.GetStringAsync(new Uri($"{page}?history={id}", UriKind.Relative)), "history-entries");
        Assert.Equal(["added", "edited"], history.Select(r => r[1]));
        Assert.Equal(["buy 100 0388.HK at 300.000 on 2026-03-02", "buy 200 0388.HK at 300.000 on 2026-03-02"], history.Select(r => r[2]));
    }

    [Fact]
    public async Task RemovingAnActivity_NeedsItsIdTyped_TakesAVerifiedBackupFirst_AndTheJournalStillShowsIt()
    {
        const string page = "/portfolios/Ledger_Remove/activities";
        await NewPortfolioAsync("Ledger_Remove");
        using var client = dashboard.Client();
        await AddAsync(client, page, new() { ["Form.Type"] = "buy", ["Form.Date"] = "2026-03-02", ["Form.Symbol"] = "0941.HK", ["Form.Quantity"] = "500", ["Form.Price"] = "70" });
        await AddAsync(client, page, new() { ["Form.Type"] = "dividend", ["Form.Date"] = "2026-04-10", ["Form.Symbol"] = "0941.HK", ["Form.Amount"] = "1250.50" });
        var buy = await dashboard.Db.ScalarAsync<long>("SELECT id FROM activities WHERE portfolio_id = 'Ledger_Remove' AND activity_type = 'buy'");

        var asked = await client.GetStringAsync(new Uri($"{page}?remove={buy}", UriKind.Relative));
        var refused = await Remove(client, page, buy, "yes");
        var elsewhere = await FormPost.SubmitAsync(client, page, "/portfolios/My_HKEX_ALL/activities?handler=Remove", new Dictionary<string, string> { ["ActivityId"] = $"{buy}", ["Confirm"] = $"{buy}" });
        var removed = await Remove(client, page, buy, $"#{buy}");

        Assert.Contains($"Type <strong>{buy}</strong> to remove", asked, StringComparison.Ordinal);
        Assert.Equal($"type {buy} to confirm; nothing was removed", PageHtml.FieldError(refused, "Confirm"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Contains($"removed activity {buy} (buy 500 0941.HK at 70.000 on 2026-03-02) from Ledger_Remove; verified backup first: pre_remove_activity", Message(removed), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dashboard.Home, "backups"), "pre_remove_activity*.manifest.json"));
        Assert.Equal(0L, await dashboard.Db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE id = @buy", new { buy }));
        var changes = PageHtml.Rows(removed, "journal");
        Assert.Equal(["removed", $"{buy}", "buy 500 0941.HK at 70.000 on 2026-03-02"], changes[0][1..]);
    }

    [Fact]
    public async Task AFileIsPreviewedBeforeItIsImported_OneBadRowWritesNothing_AndImportingItTwiceChangesNothing()
    {
        const string page = "/portfolios/Ledger_Import/activities";
        await NewPortfolioAsync("Ledger_Import");
        using var client = dashboard.Client();
        const string good = """
            date,type,symbol,quantity,price,amount,currency,fx_rate,ratio,stamp_duty,sfc_levy,afrc_levy,trading_fee,settlement_fee,commission,note
            2026-03-02,buy,0700.HK,100,350,,HKD,,,,,,,,,first
            2026-03-03,buy,0700.HK,100,360,,HKD,,,,,,,,,second
            2026-05-20,dividend,0700.HK,,,340,HKD,,,,,,,,,final dividend
            """;
        var bad = good + "\n2026-06-01,sell,0700.HK,999,380,,HKD,,,,,,,,,too many\n2026-06-02,buy,0700.HK,x,1,,HKD,,,,,,,,,\n";

        var refused = await UploadAsync(client, page, bad, "trades.csv");
        Assert.Equal([["5", ], ["6", ]], PageHtml.Rows(refused, "bad-rows").Select(r => r[..1]).Select(r => r.ToArray()).ToList());
        Assert.DoesNotContain("id=\"apply-import\"", refused, StringComparison.Ordinal);
        Assert.Equal(0L, await dashboard.Db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'Ledger_Import'"));

        var preview = await UploadAsync(client, page, good, "trades.csv");
        Assert.Contains("3 new activities, 0 already in Ledger_Import, 0 bad row(s)", PageHtml.Text(preview), StringComparison.Ordinal);
        var imported = await ApplyAsync(client, page, preview);
        Assert.Contains("imported 3 activities from trades.csv (0 already held); positions derived: 0700.HK", Message(imported), StringComparison.Ordinal);
        Assert.Equal(200, await dashboard.Db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'Ledger_Import'"));

        var again = await UploadAsync(client, page, good, "trades.csv");
        Assert.Contains("id=\"nothing-new\"", again, StringComparison.Ordinal);
        var stale = await FormPost.SubmitAsync(client, page + "/import", page + "/import?handler=Apply", new Dictionary<string, string> { ["Token"] = "../../etc/passwd", ["FileName"] = "x.csv" });
        Assert.Contains("the upload is not known", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APreviewOvertakenByAnotherImport_IsNotWritten_AndTheNewPreviewIsShown()
    {
        const string page = "/portfolios/Ledger_Overtaken/activities";
        await NewPortfolioAsync("Ledger_Overtaken");
        using var client = dashboard.Client();
        const string trades = """
            date,type,symbol,quantity,price,amount
            2026-03-02,buy,0700.HK,100,350,
            2026-03-03,buy,0700.HK,100,360,
            """;
        var seen = await UploadAsync(client, page, trades, "trades.csv");
        var alsoSeen = await UploadAsync(client, page, trades, "trades.csv");
        Assert.Contains("imported 2 activities", Message(await ApplyAsync(client, page, alsoSeen)), StringComparison.Ordinal);

        var overtaken = await ApplyAsync(client, page, seen);

        Assert.Equal("the ledger of Ledger_Overtaken changed since the preview (2 new activities then, 0 now): nothing was written; look at the preview again",
            PageHtml.FieldError(overtaken, "Upload"));
        Assert.Contains("id=\"nothing-new\"", overtaken, StringComparison.Ordinal);
        Assert.Equal(2L, await dashboard.Db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'Ledger_Overtaken'"));
    }

    [Fact]
    public async Task TheFilterAndTheAddressAreParsed_AHostileValueIsRefusedBesideItsField()
    {
        using var client = dashboard.Client();

        var html = await client.GetStringAsync(new Uri("/portfolios/My_HKEX_ALL/activities?from=yesterday&symbol=%27%3B--&p=-4", UriKind.Relative));

        Assert.NotEqual("", PageHtml.FieldError(html, "From"));
        Assert.NotEqual("", PageHtml.FieldError(html, "Symbol"));
        var missing = await client.GetAsync(new Uri("/portfolios/Nobody_Here/activities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task NewPortfolioAsync(string id) =>
        await dashboard.Db.ExecuteAsync("INSERT INTO portfolios (portfolio_id, name) VALUES (@id, @id)", new { id });

    private static async Task<string> AddAsync(HttpClient client, string page, Dictionary<string, string> fields) =>
        await (await FormPost.SubmitAsync(client, page, page + "?handler=Add", fields)).Content.ReadAsStringAsync();

    private static async Task<string> Remove(HttpClient client, string page, long id, string typed) =>
        await (await FormPost.SubmitAsync(client, page, page + "?handler=Remove", new Dictionary<string, string> { ["ActivityId"] = $"{id}", ["Confirm"] = typed }))
            .Content.ReadAsStringAsync();

    private static async Task<string> UploadAsync(HttpClient client, string page, string text, string name)
    {
        var token = await FormPost.TokenAsync(client, page + "/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync(new Uri(page + "/import", UriKind.Relative), form);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ApplyAsync(HttpClient client, string page, string preview)
    {
        string Hidden(string name) => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(preview, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);
        var response = await FormPost.SubmitAsync(client, page + "/import", page + "/import?handler=Apply",
            new Dictionary<string, string> { ["Token"] = Hidden("Token"), ["FileName"] = Hidden("FileName"), ["Format"] = "", ["Map"] = "", ["Previewed"] = Hidden("Previewed") });
        return await response.Content.ReadAsStringAsync();
    }

    private static string Message(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "id=\"message\">(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException("the page shows no message: " + PageHtml.Text(html)[..Math.Min(600, PageHtml.Text(html).Length)]);
}
