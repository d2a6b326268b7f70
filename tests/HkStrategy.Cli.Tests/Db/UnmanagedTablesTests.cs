using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Db;

/// <summary>Tables and views hks does not know (the prototype dashboard's technicals) are listed and never touched.</summary>
public sealed class UnmanagedTablesTests
{
    [Fact]
    public async Task UnmanagedTablesAndViews_AreListed_AndKeptThroughRollbackMigrateBackupAndRestore()
    {
        await using var live = await DemoDatabases.SeededAsync();
        await live.ExecuteAsync(await File.ReadAllTextAsync(Fixtures.Path("prototype", "dashboard_technicals.sql")));
        var scene = await Restore.RestoreScene.CreateAsync(live);
        var before = await TableSnapshot.TakeAsync(live);

        var status = await scene.HksAsync("db", "status", "--json");
        using (var json = JsonDocument.Parse(status.Out))
        {
            var unmanaged = json.RootElement.GetProperty("unmanaged").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ToList();
            Assert.Equal(["daily_equity_technicals", "latest_equity_technicals"], unmanaged);
        }
        Assert.Contains("not managed by hks", (await scene.HksAsync("db", "status")).Out, StringComparison.Ordinal);

        Assert.Equal(0, (await scene.HksAsync("db", "rollback", "--to", "1", "--keep-portfolio", "My_HKEX_ALL", "--yes")).ExitCode);
        Assert.Equal(before["daily_equity_technicals"], (await TableSnapshot.TakeAsync(live))["daily_equity_technicals"]);
        Assert.Equal(0, (await scene.HksAsync("db", "migrate")).ExitCode);
        Assert.Equal(before, await TableSnapshot.TakeAsync(live));

        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM daily_equity_technicals WHERE symbol = '0005.HK'");
        var restore = await scene.HksAsync("restore", backup, "--yes");

        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal(before, await TableSnapshot.TakeAsync(live));
        Assert.Equal(2, await live.ScalarAsync<long>("SELECT COUNT(*) FROM latest_equity_technicals"));
        Assert.Equal(0, (await scene.HksAsync("check")).ExitCode);
    }
}
