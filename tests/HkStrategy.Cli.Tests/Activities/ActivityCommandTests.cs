using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Activities;

/// <summary>
/// <c>hks activity add|list|edit|remove</c>: the ledger at the command line, each change deriving the position, the
/// JSON's exact shape, and every hostile value refused in one line with nothing written.
/// </summary>
public sealed class ActivityCommandTests
{
    private const string Portfolio = "My_HKEX_ALL";

    private static Task<HksRun> Buy(TestDatabase db, params string[] more) =>
        db.HksAsync(["activity", "add", Portfolio, "--type", "buy", "--date", "2024-06-03", "--symbol", "2800", "--quantity", "5000", "--price", "18.02", .. more]);

    [Fact]
    public async Task Add_WithJson_PrintsTheActivity_ItsDatesAndItsFeesByKind()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Buy(db, "--fees", "auto", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("id").GetInt64() > 0);
        Assert.Equal("2024-06-03", root.GetProperty("tradeDate").GetString());
        Assert.Equal("2024-06-05", root.GetProperty("settlementDate").GetString());
        Assert.Equal("2800.HK", root.GetProperty("symbol").GetString());
        var fees = root.GetProperty("fees");
        Assert.Equal(["stampDuty", "sfcLevy", "afrcLevy", "tradingFee", "settlementFee", "commission", "total"], fees.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0.00", fees.GetProperty("stampDuty").GetRawText()); // the Tracker Fund's units pay no stamp duty
        Assert.Equal("2.43", fees.GetProperty("sfcLevy").GetRawText());
        Assert.Equal("9.66", fees.GetProperty("total").GetRawText());
        Assert.Equal(5000, root.GetProperty("position").GetProperty("quantity").GetInt32());
        Assert.Equal(18.022m, root.GetProperty("position").GetProperty("averageCost").GetDecimal()); // (90,100 + 9.66) / 5,000
        Assert.Equal([(5000, 18.022m)], await db.QueryAsync<(int, decimal)>(
            "SELECT quantity, avg_cost FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK'"));
    }

    [Fact]
    public async Task Add_OfAnOddLot_RecordsIt_AndWarnsOnStandardError()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await db.HksAsync("activity", "add", Portfolio, "--type", "buy", "--date", "2024-06-03", "--symbol", "2800.HK", "--quantity", "250", "--price", "18");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("recorded activity ", run.Out, StringComparison.Ordinal);
        Assert.Contains("2800.HK now 250 at", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("warning: 250 shares of 2800.HK is not a whole number of board lots of 500", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--type", "short")]
    [InlineData("--type", "adjustment")]          // hks writes those
    [InlineData("--date", "2024-13-01")]
    [InlineData("--date", "2024-06-10")]          // Tuen Ng: not a trading day
    [InlineData("--date", "2020-06-03")]          // before hks knows the costs: give them
    [InlineData("--quantity", "-5")]
    [InlineData("--quantity", "1,5")]
    [InlineData("--price", "1e3")]
    [InlineData("--price", "18.0205")]
    [InlineData("--amount", "90100.001")]
    [InlineData("--currency", "EUR")]
    [InlineData("--fx-rate", "0")]                // and HKD has none
    [InlineData("--ratio", "1:2")]                // a buy has no ratio
    [InlineData("--fees", "au to")]
    [InlineData("--fees", "-3")]
    [InlineData("--note", "bought\u001b[2J")]
    [InlineData("--symbol", "TENCENT")]
    public async Task Add_WithAHostileValue_IsOneLine_ExitCode2_AndWritesNothing(string option, string value)
    {
        await using var db = await DemoDatabases.SeededAsync();
        var before = await TableSnapshot.TakeAsync(db);
        string[] args = ["activity", "add", Portfolio, "--type", "buy", "--date", "2024-06-03", "--symbol", "2800.HK", "--quantity", "5000", "--price", "18.02"];
        var index = Array.IndexOf(args, option);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args = [.. args, option, value];
        }

        var run = await db.HksAsync(args);

        Assert.True(run.ExitCode == 2, $"{run.ExitCode}: {run.Error}");
        Assert.Single(run.ErrorLines);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task SellingMoreThanHeld_IsRefused_WithExitCode4()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await Buy(db);

        var run = await db.HksAsync("activity", "add", Portfolio, "--type", "sell", "--date", "2024-06-04", "--symbol", "2800.HK", "--quantity", "5500", "--price", "18");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("[SellsMoreThanHeld]", run.Error, StringComparison.Ordinal);
        Assert.Contains("5,000 shares held then", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsTheLedgerInOrder_WithEachSalesRealisedPnl()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await Buy(db, "--fees", "0");
        await db.HksAsync("activity", "add", Portfolio, "--type", "sell", "--date", "2024-06-04", "--symbol", "2800.HK", "--quantity", "1000", "--price", "19", "--fees", "0");
        await db.HksAsync("activity", "add", Portfolio, "--type", "dividend", "--date", "2024-06-05", "--symbol", "2800.HK", "--amount", "2,600");

        var run = await db.HksAsync("activity", "list", Portfolio, "--symbol", "2800", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var listed = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["buy", "sell", "dividend"], listed.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal(980m, listed[1].GetProperty("realizedPnl").GetDecimal()); // 19,000 − 1,000 × 18.02
        Assert.Equal(JsonValueKind.Null, listed[2].GetProperty("position").ValueKind);

        var table = await db.HksAsync("activity", "list", Portfolio, "--from", "2024-06-04");

        Assert.Contains("sell", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" buy ", table.Out, StringComparison.Ordinal);
        Assert.Contains("4,000 @ 18.020", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ChangesTheActivity_AndThePositionFollows()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var id = JsonDocument.Parse((await Buy(db, "--fees", "0", "--json")).Out).RootElement.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await db.HksAsync("activity", "edit", id, "--quantity", "6000", "--note", "contract note 24-0613");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith($"changed activity {id} in My_HKEX_ALL: buy 6,000 2800.HK at 18.020 on 2024-06-03", run.Out, StringComparison.Ordinal);
        Assert.Equal(6000, await db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK'"));
        Assert.Equal(2, await db.ScalarAsync<long>($"SELECT COUNT(*) FROM activity_journal WHERE activity_id = {id}"));
    }

    [Theory]
    [InlineData("--symbol", "0005.HK")]
    [InlineData("--quantity", "x")]
    public async Task Edit_RefusesWhatAnActivityCannotBecome(string option, string value)
    {
        await using var db = await DemoDatabases.SeededAsync();
        var id = JsonDocument.Parse((await Buy(db, "--json")).Out).RootElement.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await db.HksAsync("activity", "edit", id, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task Remove_AsksForTheIdTyped_ThenTakesAVerifiedBackupAndRemovesIt()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var id = JsonDocument.Parse((await Buy(db, "--json")).Out).RootElement.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var unconfirmed = await HksInProcess.RunAsync(["activity", "remove", id, "--database", db.Target.ConnectionString], input: "no\n");
        Assert.NotEqual(0, unconfirmed.ExitCode);
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT COUNT(*) FROM activities WHERE id = {id}"));

        var run = await db.HksAsync("activity", "remove", id, "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("verified backup first: pre_remove_activity_backup_", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT COUNT(*) FROM activities WHERE id = {id}"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK'"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("12abc")]
    [InlineData("999999999")]
    public async Task Remove_OfNoSuchActivity_IsOneLine_ExitCode2(string id)
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await db.HksAsync("activity", "remove", id, "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task ASplitAndABonusIssue_ChangeTheSharesNotTheCost()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await Buy(db, "--fees", "0");

        var split = await db.HksAsync("activity", "add", Portfolio, "--type", "split", "--date", "2024-07-02", "--symbol", "2800.HK", "--ratio", "1:2");
        var bonus = await db.HksAsync("activity", "add", Portfolio, "--type", "bonus", "--date", "2024-07-03", "--symbol", "2800.HK", "--quantity", "1000");

        Assert.True(split.ExitCode == 0 && bonus.ExitCode == 0, split.Error + bonus.Error);
        Assert.Equal([(11000, 8.191m)], await db.QueryAsync<(int, decimal)>( // 90,100 / 11,000 = 8.19090…
            "SELECT quantity, avg_cost FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK'"));
    }
}
