using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

public sealed class RestoreCommandTests
{
    [Fact]
    public async Task Restore_PutsTheBackupBack_KeepsThePreviousDatabase_AndReportsTheChecks()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        var atBackup = await scene.FingerprintAsync();
        await live.ExecuteAsync("DELETE FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL'");

        var run = await scene.HksAsync("restore", backup, "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(atBackup, await scene.FingerprintAsync());
        Assert.Contains("✔ orphans: no orphan rows", run.Out, StringComparison.Ordinal);
        Assert.Contains("[x] Total portfolio value = HK$", run.Out, StringComparison.Ordinal);
        Assert.Contains("unavailable for", run.Out, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(scene.Backups, "emergency_backup_*.dump"));
        var kept = await live.QueryAsync<string>("SELECT datname FROM pg_database WHERE datname LIKE @prefix", new { prefix = live.Target.DatabaseName + "_pre_restore_%" });
        Assert.Single(kept);
        Assert.Equal(0, (await scene.HksAsync("restore", "--cleanup", "--yes")).ExitCode);
        Assert.Empty(await live.QueryAsync<string>("SELECT datname FROM pg_database WHERE datname LIKE @prefix", new { prefix = live.Target.DatabaseName + "_pre_restore_%" }));
    }

    [Fact]
    public async Task TamperedBackup_IsRefusedWithExit4_BeforeAnythingChanges()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        var bytes = await File.ReadAllBytesAsync(backup);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(backup, bytes);
        var before = await scene.FingerprintAsync();

        var run = await scene.HksAsync("restore", backup, "--yes");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("[ChecksumMismatch]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Empty(Directory.GetFiles(scene.Backups, "emergency_*"));
    }

    [Fact]
    public async Task AnObjectThatFailsToRestore_GivesANonZeroExitAndNoSuccess()
    {
        await using var live = await DemoDatabases.RichAsync();
        var role = "hks_gone_" + Guid.NewGuid().ToString("N")[..8];
        await live.ExecuteAsync($"CREATE ROLE {role}; CREATE POLICY only_some ON portfolio_holdings TO {role} USING (true)");
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync($"DROP POLICY only_some ON portfolio_holdings; DROP ROLE {role}");
        var before = await scene.FingerprintAsync();

        var run = await scene.HksAsync("restore", backup, "--yes");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("[RestoreFailed]", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("restored into", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Empty(await scene.ScratchDatabasesAsync());
    }

    [Fact]
    public async Task LegacyPrototypeDump_RestoresIsAdoptedAndMigrated()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);

        var run = await scene.HksAsync("restore", Fixtures.PrototypeTransitionalGzip, "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("legacy dump adopted: it was transitional", run.Out, StringComparison.Ordinal);
        Assert.Equal(HkStrategy.Data.Schema.MigrationCatalog.Embedded.Latest, await live.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
        Assert.Equal(2, await live.ScalarAsync<int>("SELECT COUNT(*) FROM strategies"));
        Assert.Equal(0, (await scene.HksAsync("check")).ExitCode);
    }

    [Fact]
    public async Task LegacyDump_WithNoMigrate_StaysAsItWas()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);

        var run = await scene.HksAsync("restore", Fixtures.PrototypeV1, "--yes", "--no-migrate");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.False(await live.ScalarAsync<bool>("SELECT to_regclass('public.portfolios') IS NOT NULL"));
        Assert.Equal(12, await live.ScalarAsync<int>("SELECT COUNT(*) FROM portfolio_positions"));
    }

    [Fact]
    public async Task TruncatedGzipDump_IsRefused()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var truncated = Path.Combine(scene.Home, "truncated.sql.gz");
        var bytes = await File.ReadAllBytesAsync(Fixtures.PrototypeTransitionalGzip);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);

        var run = await scene.HksAsync("restore", truncated, "--yes");

        Assert.Equal(4, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task RestoreBeside_IntoATargetDatabase_LeavesTheLiveOneAlone()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM trading_signals");
        var before = await scene.FingerprintAsync();
        var beside = "hks_beside_" + Guid.NewGuid().ToString("N")[..8];

        var run = await scene.HksAsync("restore", backup, "--target-db", beside);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Equal(2, await live.ScalarAsync<int>($"SELECT 2")); // the live connection still works
        Assert.Contains($"restored into {beside}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackupTakenBeforeASchemaChange_RestoresToThatSchemaVersion()
    {
        await using var live = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(live, Fixtures.PrototypeV1);
        await live.MigrateAsync(to: 1);
        var scene = await RestoreScene.CreateAsync(live);
        var atVersion1 = await scene.BackupAsync();
        Assert.Equal(0, (await scene.HksAsync("db", "migrate")).ExitCode);

        var run = await scene.HksAsync("restore", atVersion1, "--yes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(1, await live.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
        Assert.False(await live.ScalarAsync<bool>("SELECT to_regclass('public.portfolios') IS NOT NULL"));
    }

    [Fact]
    public async Task MissingFile_IsAUsageError()
    {
        await using var live = await TestDatabase.CreateAsync();
        var scene = await RestoreScene.CreateAsync(live);

        var run = await scene.HksAsync("restore", "/no/such/backup.dump", "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[BackupMissing]", run.Error, StringComparison.Ordinal);
    }
}
