using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Portfolios;

/// <summary>A portfolio document (version 3) carries the activity ledger and the broker profile, and is held to them on import.</summary>
public sealed class PortfolioDocumentLedgerTests
{
    // What an activity leaves is compared by its shares, and by its average cost where it leaves shares: at none, the
    // trigger records the row's last average and the ledger's own derivation 0, and neither is used.
    private const string Ledger = """
        SELECT string_agg(concat_ws(' ', activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate, ratio_from, ratio_to,
            stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note, position_quantity,
            CASE WHEN position_quantity > 0 THEN position_avg_cost END), '; ' ORDER BY trade_date, id)
        FROM activities WHERE portfolio_id = @id
        """;

    [Fact]
    public async Task ExportThenImport_UnderANewId_GivesTheSameLedgerAndBrokerProfile_AndTwiceChangesNothing()
    {
        await using var db = await TradedAsync();
        using var file = new TempFile();
        Assert.Equal(0, (await db.HksAsync("portfolio", "export", "My_HKEX_ALL", "--out", file.Path)).ExitCode);

        var first = await db.HksAsync("portfolio", "import", file.Path, "--as", "Restored", "--json");
        var second = await db.HksAsync("portfolio", "import", file.Path, "--as", "Restored");
        var original = await db.HksAsync("performance", "My_HKEX_ALL", "--to", "2024-06-04", "--json");
        var restored = await db.HksAsync("performance", "Restored", "--to", "2024-06-04", "--json");
        var check = await db.HksAsync("check");

        Assert.True(first.ExitCode == 0, first.Error);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file.Path));
        Assert.Equal(3, document.RootElement.GetProperty("version").GetInt32());
        var activities = await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'My_HKEX_ALL'");
        Assert.Equal(activities, document.RootElement.GetProperty("activities").GetArrayLength());
        Assert.Equal(activities, JsonDocument.Parse(first.Out).RootElement.GetProperty("outcome").GetProperty("activitiesAdded").GetInt64());
        Assert.Equal(await db.ScalarAsync<string>(Ledger, new { id = "My_HKEX_ALL" }), await db.ScalarAsync<string>(Ledger, new { id = "Restored" }));
        Assert.Equal("Futu 0.030000 3.00 15.00", await db.ScalarAsync<string>(
            "SELECT concat_ws(' ', broker, commission_rate * 100, commission_minimum, platform_fee) FROM broker_profiles WHERE portfolio_id = 'Restored'"));
        Assert.Contains("nothing changed", second.Out, StringComparison.Ordinal);
        Assert.Equal(activities, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'Restored'"));
        foreach (var figure in new[] { "realizedPnl", "dividends", "fees" })
        {
            Assert.Equal(JsonDocument.Parse(original.Out).RootElement.GetProperty(figure).GetRawText(), JsonDocument.Parse(restored.Out).RootElement.GetProperty(figure).GetRawText());
        }
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
    }

    [Fact]
    public async Task ImportingBackIntoThePortfolio_AddsOnlyTheActivityRemovedSince_AndThePositionIsAsExported()
    {
        await using var db = await TradedAsync();
        using var file = new TempFile();
        Assert.Equal(0, (await db.HksAsync("portfolio", "export", "My_HKEX_ALL", "--out", file.Path)).ExitCode);
        var sale = await db.ScalarAsync<long>("SELECT id FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND activity_type = 'sell'");
        Assert.Equal(0, (await db.HksAsync("activity", "remove", sale.ToString(CultureInfo.InvariantCulture), "--yes")).ExitCode);
        Assert.Equal(5000, await db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK'"));

        var unconfirmed = await HksProcess.RunAsync(["portfolio", "import", file.Path, "--database", db.Target.ConnectionString]);
        var run = await db.HksAsync("portfolio", "import", file.Path, "--yes");

        Assert.Equal(4, unconfirmed.ExitCode);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("1 activity added to the ledger", run.Out, StringComparison.Ordinal);
        Assert.Contains("verified backup first", run.Out, StringComparison.Ordinal);
        Assert.Equal(4000, await db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND activity_type = 'sell'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND activity_type = 'adjustment'"));
    }

    [Fact]
    public async Task ImportingBackActivitiesThatMoveWhatAHeldOneLeaves_AsksFirst_EvenWhenNoPositionChanges()
    {
        await using var db = await TradedAsync();
        foreach (var (type, date, quantity) in new[] { ("buy", "2024-07-02", "1000"), ("buy", "2024-07-03", "1000"), ("sell", "2024-07-04", "100"), ("sell", "2024-07-05", "1000") })
        {
            Assert.Equal(0, (await db.HksAsync("activity", "add", "My_HKEX_ALL", "--type", type, "--date", date, "--symbol", "0001.HK",
                "--quantity", quantity, "--price", "40", "--fees", "0")).ExitCode);
        }
        using var file = new TempFile();
        Assert.Equal(0, (await db.HksAsync("portfolio", "export", "My_HKEX_ALL", "--out", file.Path)).ExitCode);
        foreach (var id in await db.QueryAsync<long>(
            "SELECT id FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0001.HK' AND trade_date IN ('2024-07-03', '2024-07-05') ORDER BY trade_date DESC"))
        {
            Assert.Equal(0, (await db.HksAsync("activity", "remove", id.ToString(CultureInfo.InvariantCulture), "--yes")).ExitCode);
        }
        const string Leaves = "SELECT position_quantity FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0001.HK' AND trade_date = '2024-07-04'";
        Assert.Equal(900, await db.ScalarAsync<int>(Leaves));

        var unconfirmed = await HksProcess.RunAsync(["portfolio", "import", file.Path, "--database", db.Target.ConnectionString]);
        var run = await db.HksAsync("portfolio", "import", file.Path, "--yes");

        Assert.Equal(4, unconfirmed.ExitCode);
        Assert.Contains("moves what 1 activity of the ledger leaves", unconfirmed.Out + unconfirmed.Error, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("0 updated", run.Out, StringComparison.Ordinal);
        Assert.Contains("2 activities added to the ledger (moving what 1 held one leaves)", run.Out, StringComparison.Ordinal);
        Assert.Contains("verified backup first", run.Out, StringComparison.Ordinal);
        Assert.Equal(1900, await db.ScalarAsync<int>(Leaves));
        Assert.Equal(900, await db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0001.HK'"));
    }

    [Theory]
    [InlineData("a position not what its activities leave", "position 2800.HK quantity 4001", "2800.HK holds 4,001 at")]
    [InlineData("a sale of more than is held", "activity sell quantity 9000", "do not add up")]
    [InlineData("an activity of an unknown type", "activity sell type steal", "steal")]
    [InlineData("negative shares", "activity buy quantity -5", "is not a whole number of shares")]
    [InlineData("a price finer than HKEX quotes", "activity buy price 18.02001", "at most three decimals")]
    [InlineData("costs finer than a cent", "activity buy commission 3.001", "an amount in cents")]
    [InlineData("a control character in a note", "activity dividend note a\u0007b", "note")]
    [InlineData("a split ratio of nothing", "activity dividend ratio 1:1", "ratio")]
    [InlineData("a broker rate of 50%", "broker commissionRate 0.5", "broker profile")]
    public async Task ATamperedDocument_IsRefusedInOneLine_AndNothingIsWritten(string what, string change, string reason)
    {
        await using var db = await TradedAsync();
        using var file = new TempFile();
        Assert.Equal(0, (await db.HksAsync("portfolio", "export", "My_HKEX_ALL", "--out", file.Path)).ExitCode);
        await File.WriteAllTextAsync(file.Path, Tampered(await File.ReadAllTextAsync(file.Path), change.Split(' ')));
        var before = await TableSnapshot.TakeAsync(db);

        var run = await db.HksAsync("portfolio", "import", file.Path, "--as", "Restored", "--yes");

        Assert.True(run.ExitCode == 2, $"{what}: {run.Out}{run.Error}");
        Assert.Single(run.ErrorLines);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task AVersion2Document_StillImports_ItsPositionsRecordedAsOpeningBalances()
    {
        await using var db = await TradedAsync();
        using var file = new TempFile();
        Assert.Equal(0, (await db.HksAsync("portfolio", "export", "My_HKEX_ALL", "--out", file.Path)).ExitCode);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file.Path))!.AsObject();
        document["version"] = 2;
        document.Remove("activities"); // its "broker" stays: a version 2 document has none, so it is not read
        await File.WriteAllTextAsync(file.Path, document.ToJsonString());

        var run = await db.HksAsync("portfolio", "import", file.Path, "--as", "Older");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Older'"),
            await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'Older' AND activity_type = 'opening'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM broker_profiles WHERE portfolio_id = 'Older'"));
        Assert.Equal(0, (await db.HksAsync("check")).ExitCode);
    }

    [Fact]
    public async Task ADocumentsBrokerName_IsKeptAsTheBrokerCommandKeepsIt_Trimmed()
    {
        await using var db = await TradedAsync();
        using var file = new TempFile();
        Assert.Equal(0, (await db.HksAsync("portfolio", "export", "My_HKEX_ALL", "--out", file.Path)).ExitCode);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file.Path))!.AsObject();
        document["broker"]!["broker"] = "  Futu  ";
        await File.WriteAllTextAsync(file.Path, document.ToJsonString());

        var run = await db.HksAsync("portfolio", "import", file.Path, "--as", "Restored");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("Futu", await db.ScalarAsync<string>("SELECT broker FROM broker_profiles WHERE portfolio_id = 'Restored'"));
    }

    /// <summary>The seeded demo with a broker profile, a buy, a sale and a dividend of 2800.HK.</summary>
    private static async Task<TestDatabase> TradedAsync()
    {
        var db = await DemoDatabases.SeededAsync();
        Assert.Equal(0, (await db.HksAsync("portfolio", "broker", "My_HKEX_ALL", "--broker", "Futu", "--commission-rate", "0.03%", "--commission-minimum", "3",
            "--platform-fee", "15")).ExitCode);
        Assert.Equal(0, (await db.HksAsync("activity", "add", "My_HKEX_ALL", "--type", "buy", "--date", "2024-06-03", "--symbol", "2800.HK",
            "--quantity", "5000", "--price", "18.02")).ExitCode);
        Assert.Equal(0, (await db.HksAsync("activity", "add", "My_HKEX_ALL", "--type", "sell", "--date", "2024-06-04", "--symbol", "2800.HK",
            "--quantity", "1000", "--price", "18.5")).ExitCode);
        Assert.Equal(0, (await db.HksAsync("activity", "add", "My_HKEX_ALL", "--type", "dividend", "--date", "2024-06-04", "--symbol", "2800.HK",
            "--amount", "240", "--note", "final dividend")).ExitCode);
        return db;
    }

    /// <summary>
    /// The document with one value changed: <c>position SYMBOL FIELD VALUE</c>, <c>activity TYPE FIELD VALUE</c> (of
    /// 2800.HK; a cost field goes in its fees), <c>broker FIELD VALUE</c>. A number stays a number.
    /// </summary>
    private static string Tampered(string json, string[] change)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        JsonObject target = change[0] switch
        {
            "position" => document["positions"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["symbol"] == change[1]),
            "activity" => document["activities"]!.AsArray().Select(a => a!.AsObject()).First(a => (string?)a["type"] == change[1] && (string?)a["symbol"] == "2800.HK"),
            _ => document["broker"]!.AsObject(),
        };
        var (field, value) = change[0] == "broker" ? (change[1], change[2]) : (change[2], string.Join(' ', change[3..]));
        if (field == "commission")
        {
            target = target["fees"]!.AsObject();
        }
        target[field] = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
        return document.ToJsonString();
    }

    private sealed class TempFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hks-document-{Guid.NewGuid():N}.json");

        public void Dispose() => File.Delete(Path);
    }
}
