using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task TheSeedsChecklist_PassesOnTheDemoState()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);

        var run = await scene.HksAsync("validate", "--expect-portfolios", "5", "--portfolio", "My_HKEX_ALL", "--expect-positions", "12",
            "--expect-value", "4052660.20", "--tolerance", "5%");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(8, run.Out.Split('\n').Count(l => l.StartsWith("[x]", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AgainstABackup_FailsWhenAPortfolioLostPositions_AndSaysWhich()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM portfolio_positions WHERE symbol IN ('0700.HK', '0005.HK', '9988.HK')");

        var run = await scene.HksAsync("validate", "--against", backup, "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var failed = json.RootElement.GetProperty("items").EnumerateArray().Where(i => !i.GetProperty("passed").GetBoolean())
            .Select(i => i.GetProperty("item").GetString()).ToList();
        Assert.Equal(["Portfolio My_HKEX_ALL contains 12 positions", "Total portfolio value = HK$4,052,660.20 (±5%)"], failed);
    }

    [Fact]
    public async Task ADashboardThatDoesNotAnswer_FailsItsLine()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);

        var run = await scene.HksAsync("validate", "--dashboard", "http://127.0.0.1:9");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[ ] Dashboard answers", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StalePrices_AreFlaggedInValidateAndStatus_WithoutFailingEither()
    {
        await using var db = await DemoDatabases.SeededAsync(); // its bars end on 2026-11-20

        var validate = await HksProcess.RunAsync(["validate", "--database", db.Target.ConnectionString]);
        var status = await HksProcess.RunAsync(["db", "status", "--json", "--database", db.Target.ConnectionString]);

        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("[!] Position prices current — 11 position(s) priced before the last trading day", validate.Out, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(status.Out);
        Assert.Equal(11, json.RootElement.GetProperty("stalePrices").GetArrayLength());
        Assert.Equal("2026-11-20", json.RootElement.GetProperty("stalePrices")[0].GetProperty("newestBar").GetString());
    }
}
