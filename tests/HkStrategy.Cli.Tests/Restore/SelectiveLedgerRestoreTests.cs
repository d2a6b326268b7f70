using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

/// <summary>
/// <c>hks restore FILE --portfolio ID</c> brings the portfolio's ledger back with it: its activities as the backup had
/// them, the positions they derive, the journal keeping every change (it only grows), and the ledger agreeing with the
/// positions afterwards.
/// </summary>
public sealed class SelectiveLedgerRestoreTests
{
    private const string Ledger = """
        SELECT activity_type || ' ' || trade_date || ' ' || COALESCE(symbol, '-') || ' ' || COALESCE(quantity::text, '') || ' ' || COALESCE(price::text, '')
        FROM activities WHERE portfolio_id = 'My_HKEX_ALL' ORDER BY trade_date, id
        """;

    private const string Positions = "SELECT symbol || ' ' || quantity || ' @ ' || avg_cost FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' ORDER BY symbol";

    private static async Task<(TestDatabase Live, RestoreScene Scene, string Backup)> AfterTradesAsync()
    {
        var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        foreach (var (type, day, quantity) in new[] { ("buy", "2024-06-03", "5000"), ("sell", "2024-06-05", "1000") })
        {
            var run = await scene.HksAsync("activity", "add", "My_HKEX_ALL", "--type", type, "--date", day, "--symbol", "2800.HK", "--quantity", quantity, "--price", "18.02");
            Assert.True(run.ExitCode == 0, run.Error);
        }
        return (live, scene, await scene.BackupAsync());
    }

    [Fact]
    public async Task Replace_GivesTheBackupsLedgerAndPositionsBack_AndTheJournalKeepsWhatWasUndone()
    {
        var (live, scene, backup) = await AfterTradesAsync();
        await using var _ = live;
        var ledger = await live.QueryAsync<string>(Ledger);
        var positions = await live.QueryAsync<string>(Positions);
        var sale = await live.ScalarAsync<long>("SELECT id FROM activities WHERE activity_type = 'sell' AND portfolio_id = 'My_HKEX_ALL'");
        await scene.HksAsync("activity", "remove", sale.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes");
        await scene.HksAsync("activity", "add", "My_HKEX_ALL", "--type", "buy", "--date", "2024-06-06", "--symbol", "0700.HK", "--quantity", "100", "--price", "380");
        await live.ExecuteAsync("UPDATE portfolio_positions SET quantity = 1 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '1810.HK'");
        var journal = await live.ScalarAsync<long>("SELECT COUNT(*) FROM activity_journal");

        var run = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(ledger, await live.QueryAsync<string>(Ledger));
        Assert.Equal(positions, await live.QueryAsync<string>(Positions));
        Assert.True(await live.ScalarAsync<long>("SELECT COUNT(*) FROM activity_journal") > journal);
        var check = await scene.HksAsync("check");
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
    }

    [Fact]
    public async Task Merge_BringsBackWhatWasRemoved_KeepsWhatWasAddedSince_AndTheBackupsPositionWinsByAnAdjustment()
    {
        var (live, scene, backup) = await AfterTradesAsync();
        await using var _ = live;
        var sale = await live.ScalarAsync<long>("SELECT id FROM activities WHERE activity_type = 'sell' AND portfolio_id = 'My_HKEX_ALL'");
        await scene.HksAsync("activity", "remove", sale.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes");
        await scene.HksAsync("activity", "add", "My_HKEX_ALL", "--type", "buy", "--date", "2024-06-06", "--symbol", "2800.HK", "--quantity", "500", "--price", "18.50");

        var run = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--mode", "merge", "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        var ledger = (await live.QueryAsync<string>(Ledger)).Where(l => l.Contains("2800.HK", StringComparison.Ordinal)).ToList();
        Assert.Equal(["buy 2024-06-03 2800.HK 5000 18.020", "sell 2024-06-05 2800.HK 1000 18.020", "buy 2024-06-06 2800.HK 500 18.500"], ledger[..3]);
        Assert.StartsWith("adjustment ", ledger[3], StringComparison.Ordinal); // merge: the backup's position (4,000) wins over the 4,500 the merged ledger leaves
        Assert.Equal(4000, await live.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK'"));
        var check = await scene.HksAsync("check");
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
    }

    [Fact]
    public async Task ASecondRestore_ChangesNothing()
    {
        var (live, scene, backup) = await AfterTradesAsync();
        await using var _ = live;
        await live.ExecuteAsync("DELETE FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK' AND activity_type = 'sell'");
        Assert.Equal(0, (await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes")).ExitCode);
        var after = await scene.FingerprintAsync();

        var again = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(after, await scene.FingerprintAsync());
    }
}
