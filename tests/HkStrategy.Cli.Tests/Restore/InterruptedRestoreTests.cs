using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

/// <summary>
/// hks killed with SIGKILL at each seeded point of a restore: before the switch the live database is exactly as it was,
/// the emergency backup verifies, and the next run cleans up; after the switch the restore is complete.
/// </summary>
public sealed class InterruptedRestoreTests
{
    [Theory]
    [InlineData("restore.after-emergency-backup")]
    [InlineData("restore.after-scratch-created")]
    [InlineData("restore.after-archive-restored")]
    [InlineData("restore.after-validation")]
    [InlineData("restore.before-switch")]
    [InlineData("restore.switch.after-ending-sessions")]
    [InlineData("restore.switch.before-commit")]
    [InlineData("backup.after-dump")]
    [InlineData("backup.before-manifest")]
    public async Task KilledBeforeTheSwitch_LeavesTheLiveDatabaseUnchanged_AndTheNextRunCleansUp(string point)
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM portfolio_positions WHERE symbol = '0700.HK'; UPDATE portfolios SET name = 'changed after the backup'");
        var before = await scene.FingerprintAsync();

        var killed = await scene.HksAsync(new Dictionary<string, string?> { ["HKS_KILL_AT"] = point }, "restore", backup, "--yes");

        Assert.Equal(137, killed.ExitCode);
        Assert.Equal(before, await scene.FingerprintAsync());
        foreach (var emergency in Directory.GetFiles(scene.Backups, "emergency_backup_*.dump").Where(f => File.Exists(f + ".manifest.json")))
        {
            Assert.Equal(0, (await scene.HksAsync("backup", "verify", emergency)).ExitCode);
        }
        var recover = await scene.HksAsync("restore", "--recover");
        Assert.Equal(0, recover.ExitCode);
        Assert.True(await scene.LiveAcceptsConnectionsAsync());
        Assert.Empty(await scene.ScratchDatabasesAsync());
        Assert.Empty(Directory.GetFiles(scene.Backups, "*.partial"));
        Assert.Equal(before, await scene.FingerprintAsync());
    }

    [Fact]
    public async Task KilledJustAfterTheSwitch_TheRestoreIsComplete()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        var atBackup = await scene.FingerprintAsync();
        await live.ExecuteAsync("DELETE FROM portfolio_positions WHERE symbol = '0700.HK'");

        var killed = await scene.HksAsync(new Dictionary<string, string?> { ["HKS_KILL_AT"] = "restore.after-switch" }, "restore", backup, "--yes");
        var recover = await scene.HksAsync("restore", "--recover");

        Assert.Equal(137, killed.ExitCode);
        Assert.Equal(0, recover.ExitCode);
        Assert.Equal(atBackup, await scene.FingerprintAsync());
    }
}
