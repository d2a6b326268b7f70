using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Portfolios;

public sealed class PortfolioCommandTests
{
    [Fact]
    public async Task List_OfTheDemoState_ShowsEveryPortfolioWithItsTotals()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "portfolio", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var main = json.RootElement.EnumerateArray().Single(p => p.GetProperty("portfolioId").GetString() == "My_HKEX_ALL");
        Assert.Equal(5, json.RootElement.GetArrayLength());
        Assert.Equal(12, main.GetProperty("positions").GetInt32());
        Assert.Equal("4052660.20", main.GetProperty("marketValue").GetRawText());
        Assert.InRange(main.GetProperty("unrealizedPnl").GetDecimal() - (main.GetProperty("marketValue").GetDecimal() - main.GetProperty("cost").GetDecimal()), -0.1m, 0.1m);
    }

    [Fact]
    public async Task CreateEditCopyDelete_DoWhatTheySay()
    {
        await using var db = await DemoDatabases.SeededAsync();

        Assert.Equal(0, (await Hks(db, "portfolio", "create", "Dividends", "--name", "Dividend payers", "--description", "Banks and REITs")).ExitCode);
        Assert.Equal(0, (await Hks(db, "position", "add", "Dividends", "5.hk", "--quantity", "1000", "--avg-cost", "60.5", "--price", "100.1", "--target", "120")).ExitCode);
        Assert.Equal(0, (await Hks(db, "portfolio", "edit", "Dividends", "--name", "Income")).ExitCode);
        Assert.Equal(0, (await Hks(db, "portfolio", "copy", "Dividends", "Income2")).ExitCode);
        var copy = await Hks(db, "portfolio", "show", "Income2", "--json");
        var delete = await Hks(db, "portfolio", "delete", "Dividends", "--yes");

        using var shown = JsonDocument.Parse(copy.Out);
        var position = shown.RootElement.GetProperty("positions")[0];
        Assert.Equal("0005.HK", position.GetProperty("symbol").GetString());
        Assert.Equal("HSBC Holdings plc", position.GetProperty("companyName").GetString());
        Assert.Equal("100100.00", position.GetProperty("marketValue").GetRawText());
        Assert.Equal("120.00", position.GetProperty("targetSell").GetRawText());
        Assert.Equal("Copy of Income", shown.RootElement.GetProperty("portfolio").GetProperty("name").GetString());
        Assert.Equal(0, delete.ExitCode);
        Assert.Contains("backup (verified)", delete.Out, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Dividends'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Income2'"));
    }

    [Fact]
    public async Task Copy_CarriesTheLedgerAndTheBrokerProfile_SoTheCopysReturnsAndCostsAreTheOriginals()
    {
        await using var db = await DemoDatabases.SeededAsync();
        Assert.Equal(0, (await Hks(db, "portfolio", "broker", "My_HKEX_ALL", "--commission-rate", "0.03%", "--commission-minimum", "3")).ExitCode);
        Assert.Equal(0, (await Hks(db, "activity", "add", "My_HKEX_ALL", "--type", "buy", "--date", "2024-06-03", "--symbol", "2800.HK",
            "--quantity", "5000", "--price", "18.02")).ExitCode);
        Assert.Equal(0, (await Hks(db, "activity", "add", "My_HKEX_ALL", "--type", "sell", "--date", "2024-06-04", "--symbol", "2800.HK",
            "--quantity", "1000", "--price", "18.5")).ExitCode);
        Assert.Equal(0, (await Hks(db, "activity", "add", "My_HKEX_ALL", "--type", "dividend", "--date", "2024-06-04", "--symbol", "2800.HK",
            "--amount", "240")).ExitCode);

        var copied = await Hks(db, "portfolio", "copy", "My_HKEX_ALL", "Twin");
        var original = await Hks(db, "performance", "My_HKEX_ALL", "--to", "2024-06-04", "--json");
        var twin = await Hks(db, "performance", "Twin", "--to", "2024-06-04", "--json");
        var check = await Hks(db, "check");

        Assert.True(copied.ExitCode == 0, copied.Error);
        const string Ledger = """
            SELECT string_agg(concat_ws(' ', activity_type, trade_date, symbol, quantity, price, amount, stamp_duty + sfc_levy + afrc_levy + trading_fee
                + settlement_fee + commission, position_quantity, position_avg_cost), '; ' ORDER BY trade_date, id) FROM activities WHERE portfolio_id = @id
            """;
        Assert.Equal(await db.ScalarAsync<string>(Ledger, new { id = "My_HKEX_ALL" }), await db.ScalarAsync<string>(Ledger, new { id = "Twin" }));
        Assert.Equal(0.0003m, await db.ScalarAsync<decimal>("SELECT commission_rate FROM broker_profiles WHERE portfolio_id = 'Twin'"));
        Assert.Equal(JsonDocument.Parse(original.Out).RootElement.GetProperty("realizedPnl").GetRawText(),
            JsonDocument.Parse(twin.Out).RootElement.GetProperty("realizedPnl").GetRawText());
        Assert.Equal(JsonDocument.Parse(original.Out).RootElement.GetProperty("dividends").GetRawText(),
            JsonDocument.Parse(twin.Out).RootElement.GetProperty("dividends").GetRawText());
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
    }

    [Fact]
    public async Task Delete_WithoutTheTypedId_ChangesNothing()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await HksProcess.RunAsync(["portfolio", "delete", "My_HKEX_ALL", "--database", db.Target.ConnectionString], input: "yes\n");

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(12, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL'"));
    }

    [Theory]
    [InlineData("portfolio", "create", "bad id", "--name", "x")]
    [InlineData("portfolio", "show", "Nope")]
    [InlineData("position", "add", "My_HKEX_ALL", "AAPL", "--quantity", "1", "--avg-cost", "1")]
    [InlineData("position", "add", "My_HKEX_ALL", "0700.HK", "--quantity", "1", "--avg-cost", "1")]
    [InlineData("position", "add", "My_HKEX_ALL", "0001.HK", "--quantity", "-5", "--avg-cost", "1")]
    [InlineData("position", "add", "My_HKEX_ALL", "0001.HK", "--quantity", "5", "--avg-cost", "1.2345")]
    [InlineData("position", "update", "My_HKEX_ALL", "0700.HK", "--add-zone", "320-300")]
    [InlineData("position", "update", "My_HKEX_ALL", "0700.HK", "--event", "2026-13-01:results")]
    [InlineData("position", "update", "My_HKEX_ALL", "0001.HK", "--quantity", "5")]
    public async Task BadInput_IsOneLine_WithExitCode2_AndChangesNothing(params string[] args)
    {
        await using var db = await DemoDatabases.SeededAsync();
        var before = await TableSnapshot.TakeAsync(db);

        var run = await Hks(db, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.StartsWith("hks: ", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task UpdateWithAStaleVersion_IsRefused_AndTheNewerValueStays()
    {
        await using var db = await DemoDatabases.SeededAsync();
        using var shown = JsonDocument.Parse((await Hks(db, "portfolio", "show", "My_HKEX_ALL", "--json")).Out);
        var version = shown.RootElement.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("symbol").GetString() == "0700.HK").GetProperty("version").GetInt64();
        Assert.Equal(0, (await Hks(db, "position", "update", "My_HKEX_ALL", "0700.HK", "--quantity", "3200")).ExitCode);

        var stale = await Hks(db, "position", "update", "My_HKEX_ALL", "0700.HK", "--quantity", "1", "--expect-version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(4, stale.ExitCode);
        Assert.Contains("[PositionChanged]", stale.Error, StringComparison.Ordinal);
        Assert.Equal(3200, await db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
    }

    [Fact]
    public async Task ConcurrentUpdatesOfDifferentFields_AreBothKept()
    {
        await using var db = await DemoDatabases.SeededAsync();

        await Task.WhenAll(
            Hks(db, "position", "update", "My_HKEX_ALL", "0700.HK", "--quantity", "4000"),
            Hks(db, "position", "update", "My_HKEX_ALL", "0700.HK", "--price", "610.5"),
            Hks(db, "position", "update", "My_HKEX_ALL", "0700.HK", "--target", "700"));

        Assert.Equal(4000, await db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
        Assert.Equal(610.500m, await db.ScalarAsync<decimal>("SELECT current_price FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
        Assert.Equal(700m, await db.ScalarAsync<decimal>("SELECT target_sell FROM position_rules WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
    }

    [Fact]
    public async Task ExportThenImport_UnderANewId_RoundTripsEverything_AndTwiceChangesNothing()
    {
        await using var db = await DemoDatabases.RichAsync();
        Assert.Equal(0, (await Hks(db, "position", "update", "My_HKEX_ALL", "0700.HK", "--target", "650", "--add-zone", "500-540", "--event", "2027-03-18:annual results")).ExitCode);
        var file = Path.Combine(Path.GetTempPath(), $"hks-export-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, (await Hks(db, "portfolio", "export", "My_HKEX_ALL", "--out", file)).ExitCode);

            var first = await Hks(db, "portfolio", "import", file, "--as", "Restored", "--json");
            var second = await Hks(db, "portfolio", "import", file, "--as", "Restored");
            var again = await Hks(db, "portfolio", "export", "Restored");

            Assert.Equal(0, first.ExitCode);
            using var outcome = JsonDocument.Parse(first.Out);
            Assert.Equal(12, outcome.RootElement.GetProperty("outcome").GetProperty("positionsAdded").GetInt32());
            Assert.Equal(1, outcome.RootElement.GetProperty("outcome").GetProperty("analysesAdded").GetInt32());
            Assert.Contains("nothing changed", second.Out, StringComparison.Ordinal);
            using var original = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            using var copy = JsonDocument.Parse(again.Out);
            foreach (var part in new[] { "positions", "events", "analyses" })
            {
                Assert.Equal(original.RootElement.GetProperty(part).GetRawText(), copy.RootElement.GetProperty(part).GetRawText());
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ARulesOnlyUpdate_LeavesThePositionsVersion_SoAConcurrentEditorIsNotRefused()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var before = await db.ScalarAsync<long>("SELECT xmin::text::bigint FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'");

        var run = await Hks(db, "position", "update", "My_HKEX_ALL", "0700.HK", "--target", "700", "--event", "2027-03-18:results", "--expect-version", before.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT xmin::text::bigint FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
        Assert.Equal(700m, await db.ScalarAsync<decimal>("SELECT target_sell FROM position_rules WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
    }

    [Fact]
    public async Task ImportingADocumentThatChangesOnlyRules_AsksAndChangesThem()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = Path.Combine(Path.GetTempPath(), $"hks-rules-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, (await Hks(db, "portfolio", "export", "My_HKEX_ALL", "--out", file)).ExitCode);
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"targetSell\": 660.000", "\"targetSell\": 690.5", StringComparison.Ordinal));

            var refused = await HksProcess.RunAsync(["portfolio", "import", file, "--database", db.Target.ConnectionString]);
            var done = await Hks(db, "portfolio", "import", file, "--yes");

            Assert.Equal(4, refused.ExitCode);
            Assert.Contains("the rules of 1", refused.Error, StringComparison.Ordinal);
            Assert.Equal(0, done.ExitCode);
            Assert.Equal(690.500m, await db.ScalarAsync<decimal>("SELECT target_sell FROM position_rules WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RemovingAPosition_TakesAVerifiedBackupFirst_AndWithoutTheTypedSymbolChangesNothing()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var home = Directory.CreateTempSubdirectory("hks-remove-").FullName;
        var environment = new Dictionary<string, string?> { ["HKS_HOME"] = home };

        var cancelled = await HksProcess.RunAsync(["position", "remove", "My_HKEX_ALL", "0700.HK", "--database", db.Target.ConnectionString], environment, input: "0005.HK\n");
        var removed = await HksProcess.RunAsync(["position", "remove", "My_HKEX_ALL", "700", "--database", db.Target.ConnectionString], environment, input: "0700.HK\n");

        Assert.Equal(130, cancelled.ExitCode);
        Assert.True(removed.ExitCode == 0, removed.Error);
        Assert.Single(Directory.GetFiles(Path.Combine(home, "backups"), "pre_remove_backup_*.dump"));
        Assert.Equal(11, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM position_rules WHERE symbol = '0700.HK'"));
        Directory.Delete(home, recursive: true);
    }

    [Theory]
    [InlineData("portfolio", "list")]
    [InlineData("db", "status")]
    public async Task AtEightyColumns_NoNumberIsSplitOverTwoLines(params string[] command)
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await HksProcess.RunAsync([.. command, "--database", db.Target.ConnectionString], new Dictionary<string, string?> { ["COLUMNS"] = "80" });

        Assert.True(run.Out.Split('\n').All(l => l.TrimEnd().Length <= 80), run.Out);
        Assert.Contains("4,052,660.20", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("positions.csv", null, "Symbol,Company")]
    [InlineData("positions.CSV", null, "Symbol,Company")]
    [InlineData("all.json", null, "{")]
    [InlineData("all.txt", null, "{")]
    [InlineData("positions.txt", "csv", "Symbol,Company")]
    public async Task Export_TakesItsFormatFromTheFilesExtension_UnlessOneIsGiven(string name, string? format, string start)
    {
        await using var db = await DemoDatabases.SeededAsync();
        var folder = Directory.CreateTempSubdirectory("hks-export-").FullName;
        try
        {
            var path = Path.Combine(folder, name);
            string[] args = format is null ? ["portfolio", "export", "My_HKEX_ALL", "--out", path] : ["portfolio", "export", "My_HKEX_ALL", "--out", path, "--format", format];

            var run = await Hks(db, args);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.StartsWith(start, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Export_WithAFormatThatItsFilesExtensionContradicts_IsRefused()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "portfolio", "export", "My_HKEX_ALL", "--out", Path.Combine(Path.GetTempPath(), "x.csv"), "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hks: --format json and --out " + Path.Combine(Path.GetTempPath(), "x.csv") + " disagree: give one, or make them match [InvalidFormat]", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task ExportAsCsv_HasOneRowPerPositionWithValueAndPnl()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "portfolio", "export", "My_HKEX_ALL", "--format", "csv");

        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Symbol,Company,Sector,Quantity,AverageCost,CurrentPrice,MarketValue,UnrealizedPnl,TargetSell,StopLoss,AddZoneLow,AddZoneHigh,TrimMin,TacticalStop,BuyOnly", lines[0].TrimEnd('\r'));
        Assert.Equal(13, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("0700.HK,Tencent Holdings Ltd,Tech,3100,320.500,599.000,1856900.00,863350.00,660.000,520.000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("9988.HK,", StringComparison.Ordinal) && l.TrimEnd('\r').EndsWith(",112.000,115.000,132.000,,in-add-zone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportAsCsv_WritesACompanyOrSectorThatWouldRunAsASpreadsheetFormula_AsText()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await db.ExecuteAsync("UPDATE portfolio_positions SET company_name = '=cmd|'' /C calc''!A0', sector = '@SUM(1)' WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'");

        await db.ExecuteAsync("UPDATE portfolio_positions SET company_name = 'Acme,=HYPERLINK(\"x\")', sector = '-1,=2' WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0005.HK'");

        var run = await Hks(db, "portfolio", "export", "My_HKEX_ALL", "--format", "csv");

        Assert.Contains(run.Out.Split('\n'), l => l.StartsWith("0700.HK,'=cmd|' /C calc'!A0,'@SUM(1),3100,", StringComparison.Ordinal));
        // A comma keeps its cell: quoted, so no formula starts a cell of its own
        Assert.Contains(run.Out.Split('\n'), l => l.StartsWith("0005.HK,\"Acme,=HYPERLINK(\"\"x\"\")\",\"'-1,=2\",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportingABrokenDocument_IsRefusedBeforeAnythingIsWritten()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var file = Path.Combine(Path.GetTempPath(), $"hks-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"format": "hks-portfolio", "version": 1, "portfolio": {"portfolioId": "X", "name": "X"},
             "positions": [{"symbol": "0700.HK", "quantity": -5, "averageCost": 1, "currentPrice": 1}]}
            """);
        var before = await TableSnapshot.TakeAsync(db);
        try
        {
            var run = await Hks(db, "portfolio", "import", file);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("negative quantity", run.Error, StringComparison.Ordinal);
            Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<HksRun> Hks(TestDatabase db, params string[] args) =>
        db.HksAsync(args);
}
