using System.Net;
using System.Text.RegularExpressions;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Doors;

/// <summary>
/// The same step through both doors gives the same result and the same words: each use case runs through the command
/// line on one copy of the demo state and through the dashboard's form on another, and both are compared.
/// </summary>
public sealed partial class BothDoorsTests
{
    [Fact]
    public async Task AddingAPosition_FillsTheKnownCompanyTheSameWay_AndSaysTheSame()
    {
        await using var doors = await Doors.StartAsync();

        var cli = await doors.CliDb.HksAsync("position", "add", "HKEX_NonTech", "5.hk", "--quantity", "1000", "--avg-cost", "60.5", "--price", "70");
        var web = await doors.PostAsync("/portfolios/HKEX_NonTech", "/portfolios/HKEX_NonTech?handler=Add",
            new() { ["Form.Symbol"] = "5.hk", ["Form.Quantity"] = "1000", ["Form.AverageCost"] = "60.5", ["Form.CurrentPrice"] = "70" });

        const string Said = "added 0005.HK (HSBC Holdings plc) to HKEX_NonTech: 1,000 at 60.500, worth HK$70,000.00";
        Assert.Equal(Said, cli.Out.Trim());
        Assert.Contains(Said, web, StringComparison.Ordinal);
        Assert.Equal(await PositionAsync(doors.CliDb, "0005.HK"), await PositionAsync(doors.WebDb, "0005.HK"));
    }

    [Fact]
    public async Task RemovingAPosition_TakesAVerifiedBackupFirst_AndSaysTheSame()
    {
        await using var doors = await Doors.StartAsync();

        var cli = await doors.CliDb.HksAsync("position", "remove", "My_HKEX_ALL", "0700.HK", "--yes");
        var web = await doors.PostAsync("/portfolios/My_HKEX_ALL?remove=0700.HK", "/portfolios/My_HKEX_ALL?handler=Remove",
            new() { ["Form.Symbol"] = "0700.HK", ["Confirm"] = "0700.HK" });

        Assert.Equal(WithoutBackupName(cli.Out.Split('\n')[0]), WithoutBackupName(Said(web, "removed 0700.HK")));
        Assert.Equal(0, await doors.CliDb.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
        Assert.Equal(0, await doors.WebDb.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
    }

    [Fact]
    public async Task DeletingAPortfolio_AsksTheSameQuestion_TakesAVerifiedBackupFirst_AndSaysTheSame()
    {
        await using var doors = await Doors.StartAsync();

        var refusedCli = await HksInProcess.RunAsync(["portfolio", "delete", "HKEX_NonTech", "--database", doors.CliDb.Target.ConnectionString], input: "no\n");
        var refusedWeb = await doors.PostAsync("/portfolios/HKEX_NonTech/manage", "/portfolios/HKEX_NonTech/manage?handler=Delete", new() { ["Confirm"] = "no" });
        var cli = await doors.CliDb.HksAsync("portfolio", "delete", "HKEX_NonTech", "--yes");
        var web = await doors.PostAsync("/portfolios/HKEX_NonTech/manage", "/portfolios/HKEX_NonTech/manage?handler=Delete", new() { ["Confirm"] = "HKEX_NonTech" });

        Assert.Equal(130, refusedCli.ExitCode);
        Assert.Contains("type HKEX_NonTech to confirm; nothing was deleted", refusedWeb, StringComparison.Ordinal);
        Assert.Equal(WithoutBackupName(cli.Out.Split('\n')[0]), WithoutBackupName(Said(web, "deleted portfolio HKEX_NonTech")));
        Assert.Equal(0, await doors.CliDb.ScalarAsync<long>("SELECT COUNT(*) FROM portfolios WHERE portfolio_id = 'HKEX_NonTech'"));
        Assert.Equal(0, await doors.WebDb.ScalarAsync<long>("SELECT COUNT(*) FROM portfolios WHERE portfolio_id = 'HKEX_NonTech'"));
    }

    [Fact]
    public async Task CopyingAPortfolio_CopiesTheSameRows_AndSaysTheSame()
    {
        await using var doors = await Doors.StartAsync();

        var cli = await doors.CliDb.HksAsync("portfolio", "copy", "My_HKEX_ALL", "All_Copy", "--name", "A copy");
        var web = await doors.PostAsync("/portfolios/My_HKEX_ALL/manage", "/portfolios/My_HKEX_ALL/manage?handler=Copy", new() { ["CopyId"] = "All_Copy", ["CopyName"] = "A copy" });

        Assert.Equal("copied My_HKEX_ALL to All_Copy (12 position(s))", cli.Out.Trim());
        Assert.Contains("copied My_HKEX_ALL to All_Copy (12 position(s))", web, StringComparison.Ordinal);
        Assert.Equal(await PositionsAsync(doors.CliDb, "All_Copy"), await PositionsAsync(doors.WebDb, "All_Copy"));
    }

    [Fact]
    public async Task CreatingAPortfolio_SaysTheSame_AndMakesTheSameRow()
    {
        await using var doors = await Doors.StartAsync();

        var cli = await doors.CliDb.HksAsync("portfolio", "create", "Dividends", "--name", "Dividend payers", "--description", "Banks and REITs");
        var web = await doors.PostAsync("/", "/?handler=Create", new() { ["Create.Id"] = "Dividends", ["Create.Name"] = "Dividend payers", ["Create.Description"] = "Banks and REITs" });

        Assert.Equal("created portfolio Dividends (Dividend payers)", cli.Out.Trim());
        Assert.Contains("created portfolio Dividends (Dividend payers)", web, StringComparison.Ordinal);
        Assert.Equal(await PortfolioAsync(doors.CliDb, "Dividends"), await PortfolioAsync(doors.WebDb, "Dividends"));
    }

    [Fact]
    public async Task UpdatingAPosition_ChangesTheSameValuesAndRules_AndSaysTheSame()
    {
        await using var doors = await Doors.StartAsync();

        var cli = await doors.CliDb.HksAsync("position", "update", "My_HKEX_ALL", "0700.HK", "--quantity", "250", "--stop", "280");
        // The row's editor sends the whole row as it shows it: the rules it holds, with the two values changed.
        var web = await doors.PostAsync("/portfolios/My_HKEX_ALL?edit=0700.HK", "/portfolios/My_HKEX_ALL?handler=Update", new()
        {
            ["Form.Symbol"] = "0700.HK", ["Form.Quantity"] = "250", ["Form.StopLoss"] = "280",
            ["Form.TargetSell"] = "660", ["Form.AddZoneLow"] = "560", ["Form.AddZoneHigh"] = "580",
        });

        Assert.Equal(WithoutVersion(cli.Out.Trim()), WithoutVersion(Said(web, "updated 0700.HK")));
        Assert.Equal(await PositionAsync(doors.CliDb, "0700.HK"), await PositionAsync(doors.WebDb, "0700.HK"));
        Assert.Equal(await RulesAsync(doors.CliDb, "0700.HK"), await RulesAsync(doors.WebDb, "0700.HK"));
    }

    [Fact]
    public async Task ImportingADocument_AddsTheSameRows_AndSaysTheSame()
    {
        await using var doors = await Doors.StartAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("hks-doors-").FullName, "all.json");
        Assert.Equal(0, (await doors.CliDb.HksAsync("portfolio", "export", "My_HKEX_ALL", "--out", file)).ExitCode);

        var cli = await doors.CliDb.HksAsync("portfolio", "import", file, "--as", "Imported_All");
        var web = await doors.PostAsync("/", "/portfolios/import?handler=Apply", new() { ["Text"] = await File.ReadAllTextAsync(file), ["As"] = "Imported_All" });

        Assert.StartsWith("imported into Imported_All: a new portfolio, 12 position(s) added", cli.Out.Trim(), StringComparison.Ordinal);
        Assert.Contains(cli.Out.Trim(), web, StringComparison.Ordinal);
        Assert.Equal(await PositionsAsync(doors.CliDb, "Imported_All"), await PositionsAsync(doors.WebDb, "Imported_All"));
    }

    [Fact]
    public async Task DeletingAnAnalysis_NeedsItsNumber_TakesAVerifiedBackupFirst_AndSaysTheSame()
    {
        await using var doors = await Doors.StartAsync();
        string[] create = ["analysis", "create", "--portfolio", "My_HKEX_ALL", "--from", "2026-07-02", "--to", "2026-11-20", "--name", "H2", "--json"];
        var id = AnalysisId(await doors.CliDb.HksAsync(create));
        Assert.Equal(id, AnalysisId(await HksInProcess.RunAsync([.. create, "--database", doors.WebDb.Target.ConnectionString])));

        var refusedWeb = await doors.PostAsync($"/analyses/{id}", $"/analyses/{id}?handler=Delete", new() { ["Confirm"] = "H2" });
        var cli = await doors.CliDb.HksAsync("analysis", "delete", id, "--yes");
        var web = await doors.PostAsync($"/analyses/{id}", $"/analyses/{id}?handler=Delete", new() { ["Confirm"] = id });

        Assert.Contains($"type {id} to confirm; nothing was deleted", refusedWeb, StringComparison.Ordinal);
        Assert.Equal(WithoutBackupName(cli.Out.Split('\n')[0]), WithoutBackupName(Said(web, $"deleted analysis {id}")));
        Assert.Equal(0, await doors.CliDb.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_analyses"));
        Assert.Equal(0, await doors.WebDb.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_analyses"));
    }

    private static string AnalysisId(HksRun run) =>
        System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<List<string>> PortfolioAsync(TestDatabase db, string portfolio) =>
        db.QueryAsync<string>("SELECT concat_ws('|', portfolio_id, name, description) FROM portfolios WHERE portfolio_id = @portfolio", new { portfolio });

    private static Task<List<string>> RulesAsync(TestDatabase db, string symbol) =>
        db.QueryAsync<string>("SELECT concat_ws('|', portfolio_id, target_sell, stop_loss, add_zone_low, add_zone_high, trim_min, tactical_stop, buy_only) FROM position_rules WHERE symbol = @symbol ORDER BY portfolio_id", new { symbol });

    private static string WithoutVersion(string line) => Regex.Replace(line, @" \(version \d+\)$", "");

    private static Task<List<string>> PositionAsync(TestDatabase db, string symbol) =>
        db.QueryAsync<string>("SELECT concat_ws('|', portfolio_id, company_name, quantity, avg_cost, current_price, sector, market_value) FROM portfolio_positions WHERE symbol = @symbol ORDER BY portfolio_id", new { symbol });

    private static Task<List<string>> PositionsAsync(TestDatabase db, string portfolio) =>
        db.QueryAsync<string>("SELECT concat_ws('|', symbol, company_name, quantity, avg_cost, current_price, sector, market_value) FROM portfolio_positions WHERE portfolio_id = @portfolio ORDER BY symbol", new { portfolio });

    /// <summary>The line of the page that begins with <paramref name="start"/>, as text.</summary>
    private static string Said(string page, string start) =>
        Regex.Match(page, Regex.Escape(start) + "[^<]*").Value.Trim();

    private static string WithoutBackupName(string line) => BackupName().Replace(line, "BACKUP");

    [GeneratedRegex(@"pre_\w+_backup_\d{8}_\d{6}(_\d+)?\.dump")]
    private static partial Regex BackupName();

    /// <summary>Two copies of the demo state: one for the command line (in process), one behind a running dashboard.</summary>
    private sealed class Doors : IAsyncDisposable
    {
        private DashboardProcess _dashboard = null!;

        public TestDatabase CliDb { get; private set; } = null!;

        public TestDatabase WebDb { get; private set; } = null!;

        public static async Task<Doors> StartAsync()
        {
            var doors = new Doors { CliDb = await DemoDatabases.SeededAsync(), WebDb = await DemoDatabases.SeededAsync() };
            doors._dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string?>(), "--database", doors.WebDb.Target.ConnectionString);
            return doors;
        }

        /// <summary>Submits the page's form as a browser does and returns the page it ends on, as text.</summary>
        public async Task<string> PostAsync(string page, string action, Dictionary<string, string> fields)
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = _dashboard.Address };
            using var response = await FormPost.SubmitAsync(client, page, action, fields);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        public async ValueTask DisposeAsync()
        {
            await _dashboard.DisposeAsync();
            await CliDb.DisposeAsync();
            await WebDb.DisposeAsync();
        }
    }
}
