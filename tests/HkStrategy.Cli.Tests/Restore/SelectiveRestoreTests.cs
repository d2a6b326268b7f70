using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

public sealed class SelectiveRestoreTests
{
    [Fact]
    public async Task OnePortfolio_AfterOthersChanged_EqualsTheBackup_AndTheOthersAreUntouched()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        var main = await PortfolioRowsAsync(live, "My_HKEX_ALL");
        await live.ExecuteAsync("""
            DELETE FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol IN ('0700.HK', '0388.HK');
            UPDATE portfolio_positions SET quantity = 1 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '1810.HK';
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity) VALUES ('My_HKEX_ALL', '2382.HK', 5);
            DELETE FROM portfolio_analyses WHERE portfolio_id = 'My_HKEX_ALL';
            UPDATE position_rules SET target_sell = 1, trim_min = 2, tactical_stop = NULL, buy_only = '{above-ema20}' WHERE portfolio_id = 'My_HKEX_ALL';
            DELETE FROM signals WHERE portfolio_id = 'My_HKEX_ALL';
            UPDATE position_rules SET stop_loss = 1 WHERE portfolio_id = 'HKEX_NonTech';
            UPDATE portfolio_positions SET quantity = 999 WHERE portfolio_id = 'HKEX_NonTech';
            INSERT INTO trading_signals (portfolio_id, symbol, signal_type, price) VALUES ('HKEX_NonTech', '0005.HK', 'D', 101);
            """);
        var others = await OtherPortfoliosAsync(live);

        var run = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(main, await PortfolioRowsAsync(live, "My_HKEX_ALL"));
        Assert.Equal(others, await OtherPortfoliosAsync(live));
        Assert.Single(Directory.GetFiles(scene.Backups, "emergency_backup_*.dump"));
    }

    [Theory]
    [InlineData("replace", "0.0003 3.00", "none")]
    [InlineData("merge", "0.0003 3.00", "0.001 0.00")]
    [InlineData("missing-only", "0.0025 50.00", "0.001 0.00")]
    public async Task TheBrokerProfile_ComesBackAsTheModeSays_AndTheOtherPortfoliosStays(string mode, string mainAfter, string nonTechAfter)
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        await live.ExecuteAsync("INSERT INTO broker_profiles (portfolio_id, broker, commission_rate, commission_minimum) VALUES ('My_HKEX_ALL', 'Futu', 0.0003, 3)");
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("""
            UPDATE broker_profiles SET commission_rate = 0.0025, commission_minimum = 50 WHERE portfolio_id = 'My_HKEX_ALL';
            INSERT INTO broker_profiles (portfolio_id, commission_rate) VALUES ('HKEX_NonTech', 0.001);
            """);

        var run = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--mode", mode, "--yes");
        var again = await scene.HksAsync("restore", backup, "--portfolio", "HKEX_NonTech", "--mode", mode, "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        const string Profile = "SELECT COALESCE((SELECT trim_scale(commission_rate)::text || ' ' || commission_minimum::text FROM broker_profiles WHERE portfolio_id = @id), 'none')";
        Assert.Equal(mainAfter, await live.ScalarAsync<string>(Profile, new { id = "My_HKEX_ALL" }));
        Assert.Equal(nonTechAfter, await live.ScalarAsync<string>(Profile, new { id = "HKEX_NonTech" }));
    }

    [Fact]
    public async Task SignalsComeBackWithTheirOwnRun_WhenItsIdWasGivenToAnotherRunSince_AndTwiceChangesNothing()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        var main = await PortfolioRowsAsync(live, "My_HKEX_ALL");
        await live.ExecuteAsync("""
            DELETE FROM signal_runs;
            INSERT INTO signal_runs (id, portfolio_id, as_of, parameters, program_version) VALUES (1, 'HKEX_NonTech', '2026-11-21', '{"other": true}', 'other');
            """);

        var first = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes");
        var after = await scene.FingerprintAsync();
        var second = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes", "--json");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(["test"], await live.QueryAsync<string>("SELECT DISTINCT r.program_version FROM signals s JOIN signal_runs r ON r.id = s.run_id WHERE s.portfolio_id = 'My_HKEX_ALL'"));
        Assert.Equal("other", await live.ScalarAsync<string>("SELECT program_version FROM signal_runs WHERE id = 1"));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(after, await scene.FingerprintAsync());
        Assert.NotEqual(main, await PortfolioRowsAsync(live, "My_HKEX_ALL")); // the run id differs: the signals are the backup's, under a new run id
    }

    [Fact]
    public async Task ColumnsThePrototypeOrTheUserAdded_ComeBackWithTheirRows_AndOneAddedSinceTheBackupDoesNotStopIt()
    {
        await using var live = await PrototypeDatabases.ShapeAsync("v2-with-signals"); // trading_signals has its strategy_key, evidence…
        await live.MigrateAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("""
            DELETE FROM trading_signals WHERE portfolio_id = 'My_HKEX_ALL' AND signal_type = 'BBRK9';
            ALTER TABLE portfolio_positions ADD COLUMN my_note text;
            """);

        var run = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal([("BBRK9", "{\"reasons\": [\"breakout\"]}")], await live.QueryAsync<(string, string)>(
            "SELECT strategy_key, evidence::text FROM trading_signals WHERE portfolio_id = 'My_HKEX_ALL' AND signal_type = 'BBRK9'"));
    }

    [Fact]
    public async Task RunningItTwice_ChangesNothingTheSecondTime()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM portfolio_positions WHERE symbol = '9988.HK'");
        Assert.Equal(0, (await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes")).ExitCode);
        var after = await scene.FingerprintAsync();

        var second = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--yes", "--json");

        Assert.Equal(0, second.ExitCode);
        using var json = JsonDocument.Parse(second.Out);
        Assert.All(json.RootElement.GetProperty("changes").EnumerateObject(), change => Assert.Equal(0, change.Value.GetInt32()));
        Assert.Equal(after, await scene.FingerprintAsync());
    }

    [Fact]
    public async Task DryRun_PrintsTheChangesAndChangesNothing()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM portfolio_positions WHERE symbol = '0700.HK' AND portfolio_id = 'My_HKEX_ALL'");
        var before = await scene.FingerprintAsync();

        var run = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("add    0700.HK", run.Out, StringComparison.Ordinal);
        Assert.Contains("would change", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Empty(Directory.GetFiles(scene.Backups, "emergency_*"));
    }

    [Theory]
    [InlineData("merge", 1, "2382.HK")]
    [InlineData("missing-only", 999, "2382.HK")]
    public async Task MergeAndMissingOnly_KeepExtraPositions(string mode, int quantityOf1810, string extra)
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync($"""
            DELETE FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK';
            UPDATE portfolio_positions SET quantity = 999 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '1810.HK';
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity) VALUES ('My_HKEX_ALL', '{extra}', 5);
            """);

        var run = await scene.HksAsync("restore", backup, "--portfolio", "My_HKEX_ALL", "--mode", mode, "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(3100, await live.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'"));
        Assert.Equal(mode == "merge" ? 2000 : quantityOf1810, await live.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '1810.HK'"));
        Assert.Equal(1, await live.ScalarAsync<int>($"SELECT COUNT(*) FROM portfolio_positions WHERE symbol = '{extra}'"));
    }

    [Fact]
    public async Task PortfoliosMetadata_RecreatesMissingPortfolios_AndNeverOverwrites()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM portfolios WHERE portfolio_id IN ('HKEX_NonTech', 'MyHKEX_Tech'); UPDATE portfolios SET name = 'Renamed' WHERE portfolio_id = 'My_HKEX_ALL'");

        var run = await scene.HksAsync("restore", backup, "--portfolios-metadata");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("re-created 2 portfolio(s): HKEX_NonTech, MyHKEX_Tech", run.Out, StringComparison.Ordinal);
        Assert.Equal("Renamed", await live.ScalarAsync<string>("SELECT name FROM portfolios WHERE portfolio_id = 'My_HKEX_ALL'"));
    }

    [Fact]
    public async Task Diff_NamesTheMissingPositionsAndTheValueLost()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM portfolio_positions WHERE symbol IN ('0700.HK', '0005.HK'); DELETE FROM portfolios WHERE portfolio_id = 'HKEXALL_Backup'");

        var run = await scene.HksAsync("diff", backup, "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var main = json.RootElement.GetProperty("portfolios").EnumerateArray().Single(p => p.GetProperty("portfolioId").GetString() == "My_HKEX_ALL");
        Assert.Equal(["0005.HK", "0700.HK"], main.GetProperty("missingPositions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("-3201042.80", main.GetProperty("valueDifference").GetRawText());
        Assert.True(json.RootElement.GetProperty("portfolios").EnumerateArray().Single(p => p.GetProperty("portfolioId").GetString() == "HKEXALL_Backup").GetProperty("missingLive").GetBoolean());
        var positions = json.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "portfolio_positions");
        Assert.Equal(2, positions.GetProperty("onlyInBackup").GetInt32());
    }

    [Fact]
    public async Task Diff_CountsTheActivitiesLostAndAddedByContent_AndNamesAChangedBrokerProfile()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        foreach (var day in new[] { "2024-06-03", "2024-06-04", "2024-06-05" })
        {
            Assert.Equal(0, (await scene.HksAsync("activity", "add", "My_HKEX_ALL", "--type", "buy", "--date", day, "--symbol", "2800.HK",
                "--quantity", "500", "--price", "18")).ExitCode);
        }
        var backup = await scene.BackupAsync();
        // One removed, one removed and recorded again as it was (a new id, the same activity), one new; a broker profile.
        await live.ExecuteAsync("""
            DELETE FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '2800.HK' AND trade_date IN ('2024-06-03', '2024-06-04');
            INSERT INTO activities (portfolio_id, activity_type, trade_date, settlement_date, symbol, quantity, price, amount, stamp_duty, sfc_levy, afrc_levy,
                trading_fee, settlement_fee, position_quantity, position_avg_cost)
            SELECT a.portfolio_id, a.activity_type, a.trade_date, a.settlement_date, a.symbol, a.quantity, a.price, a.amount, a.stamp_duty, a.sfc_levy,
                a.afrc_levy, a.trading_fee, a.settlement_fee, a.position_quantity, a.position_avg_cost
            FROM activity_journal j, jsonb_populate_record(NULL::activities, j.activity) a
            WHERE j.change = 'removed' AND (j.activity->>'trade_date') = '2024-06-04';
            INSERT INTO activities (portfolio_id, activity_type, trade_date, amount) VALUES ('My_HKEX_ALL', 'deposit', '2024-06-06', 1000);
            INSERT INTO broker_profiles (portfolio_id, commission_rate) VALUES ('My_HKEX_ALL', 0.0003);
            """);

        var run = await scene.HksAsync("diff", backup, "--json");

        Assert.Equal(1, run.ExitCode);
        var main = JsonDocument.Parse(run.Out).RootElement.GetProperty("portfolios").EnumerateArray()
            .Single(p => p.GetProperty("portfolioId").GetString() == "My_HKEX_ALL");
        Assert.Equal(1, main.GetProperty("activitiesOnlyInBackup").GetInt32());
        Assert.Equal(1, main.GetProperty("activitiesOnlyLive").GetInt32());
        Assert.True(main.GetProperty("brokerProfileChanged").GetBoolean());
        var nonTech = JsonDocument.Parse(run.Out).RootElement.GetProperty("portfolios").EnumerateArray()
            .Single(p => p.GetProperty("portfolioId").GetString() == "HKEX_NonTech");
        Assert.Equal(0, nonTech.GetProperty("activitiesOnlyInBackup").GetInt32());
        Assert.False(nonTech.GetProperty("brokerProfileChanged").GetBoolean());
    }

    private static Task<string> PortfolioRowsAsync(TestDatabase db, string id) => db.ScalarAsync<string>("""
        SELECT concat_ws(' | ',
            (SELECT row(name, description, created_at, updated_at)::text FROM portfolios WHERE portfolio_id = @id),
            (SELECT string_agg(row(symbol, company_name, quantity, avg_cost, current_price, market_value, unrealized_pnl, sector, last_updated)::text, ';' ORDER BY symbol) FROM portfolio_positions WHERE portfolio_id = @id),
            (SELECT string_agg(row(symbol, signal_type, signal_strength, price, volume, rsi, created_at)::text, ';' ORDER BY symbol, created_at) FROM trading_signals WHERE portfolio_id = @id),
            (SELECT count(*) || ':' || md5(string_agg(row(symbol, price, volume, high, low, open_price, close_price, "timestamp")::text, ';' ORDER BY symbol, "timestamp")) FROM price_history WHERE portfolio_id = @id),
            (SELECT string_agg(row(a.name, a.start_date, a.end_date, a.start_pv, a.end_pv, v.trade_date, v.total_value, v.top_contributors)::text, ';' ORDER BY a.name, v.trade_date)
             FROM portfolio_analyses a LEFT JOIN portfolio_value_history v ON v.analysis_id = a.id WHERE a.portfolio_id = @id),
            (SELECT string_agg(r::text, ';' ORDER BY r.symbol) FROM position_rules r WHERE r.portfolio_id = @id), -- every column, the overlays too
            (SELECT string_agg(row(symbol, trade_date, code, strength, close, evidence, run_id, created_at)::text, ';' ORDER BY symbol, trade_date) FROM signals WHERE portfolio_id = @id))
        """, new { id });

    private static Task<string> OtherPortfoliosAsync(TestDatabase db) => db.ScalarAsync<string>("""
            SELECT md5(concat_ws('|',
                (SELECT string_agg(t::text, ';' ORDER BY t.id) FROM portfolio_positions t WHERE portfolio_id <> 'My_HKEX_ALL'),
                (SELECT string_agg(t::text, ';' ORDER BY t.id) FROM trading_signals t WHERE portfolio_id <> 'My_HKEX_ALL'),
                (SELECT string_agg(t::text, ';' ORDER BY t.id) FROM price_history t WHERE portfolio_id <> 'My_HKEX_ALL'),
                (SELECT string_agg(t::text, ';' ORDER BY t.portfolio_id) FROM portfolios t WHERE portfolio_id <> 'My_HKEX_ALL'),
                (SELECT string_agg(t::text, ';' ORDER BY t.id) FROM portfolio_holdings t),
                (SELECT string_agg(t::text, ';' ORDER BY t.portfolio_id, t.symbol) FROM position_rules t WHERE portfolio_id <> 'My_HKEX_ALL'),
                (SELECT string_agg(t::text, ';' ORDER BY t.id) FROM signals t WHERE portfolio_id <> 'My_HKEX_ALL')))
            """);
}
