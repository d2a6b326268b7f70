using HkStrategy.Data.Processes;
using HkStrategy.Operations.PgTools;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Db;

/// <summary>The prototype's own "schema 2.0" through every command a user moving to hks runs.</summary>
public sealed class PrototypeV2LifeCycleTests
{
    [Theory]
    [InlineData("v2", "My_HKEX_ALL", 5)]
    [InlineData("v2-after-remove-old", "My_HKEX_ALL", 5)]
    [InlineData("v2-after-new-analysis", "My_HKEX_ALL", 5)]
    [InlineData("v2-with-signals", "My_HKEX_ALL", 5)]
    [InlineData("v1-migrated", "DEFAULT", 1)]
    public async Task EachOfThePrototypesV2Shapes_MigratesValidatesChecksRollsBackAndForth_BacksUpAndRestores(string shape, string portfolio, int portfolios)
    {
        await using var live = await PrototypeDatabases.ShapeAsync(shape);
        var scene = await Restore.RestoreScene.CreateAsync(live);

        Assert.Contains("the prototype's v2", (await scene.HksAsync("db", "status")).Out, StringComparison.Ordinal);
        var rollbackFirst = await scene.HksAsync("db", "rollback", "--to", "1", "--yes");
        Assert.Equal(2, rollbackFirst.ExitCode);
        Assert.EndsWith("[AdoptFirst]", Assert.Single(rollbackFirst.ErrorLines), StringComparison.Ordinal);
        var dryRun = await scene.HksAsync("db", "migrate", "--dry-run");
        Assert.Contains("ADD CONSTRAINT portfolio_positions_portfolio_id_symbol_key UNIQUE (portfolio_id, symbol)", dryRun.Out + dryRun.Error, StringComparison.Ordinal);
        Assert.True(await live.ScalarAsync<bool>("SELECT to_regclass('hks_meta.schema_migrations') IS NULL"));

        var migrate = await scene.HksAsync("db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("adopting changed: portfolio_positions_symbol_key on portfolio_positions dropped", migrate.Out, StringComparison.Ordinal);
        Assert.Contains("backup (verified): ", migrate.Out, StringComparison.Ordinal);

        var validate = await scene.HksAsync("validate", "--expect-portfolios", $"{portfolios}", "--portfolio", portfolio, "--expect-positions", "12",
            "--expect-value", "4052660.20", "--tolerance", "0%");
        Assert.True(validate.ExitCode == 0, validate.Out + validate.Error);
        Assert.Equal(0, (await scene.HksAsync("check")).ExitCode);

        var byName = shape == "v2-with-signals"; // its four columns on trading_signals come back before portfolio_id
        var migrated = await TableSnapshot.TakeAsync(live, byColumnName: byName);
        Assert.Equal(0, (await scene.HksAsync("db", "rollback", "--to", "1", "--keep-portfolio", portfolio, "--yes")).ExitCode);
        Assert.Equal(0, (await scene.HksAsync("db", "migrate")).ExitCode);
        Assert.Equal(migrated, await TableSnapshot.TakeAsync(live, byColumnName: byName));

        var backup = await scene.BackupAsync();
        await live.ExecuteAsync("DELETE FROM portfolio_positions WHERE symbol = '0700.HK'");
        var restore = await scene.HksAsync("restore", backup, "--yes");
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal(migrated, await TableSnapshot.TakeAsync(live, byColumnName: byName));
    }

    [Fact]
    public async Task APlainDumpOfThePrototypesV2_RestoresOverTheDemoState_AndIsAdopted()
    {
        await using var prototype = await PrototypeDatabases.PrototypeV2Async();
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await Restore.RestoreScene.CreateAsync(live);
        var dump = Path.Combine(scene.Home, "prototype_v2.sql");
        var tools = await PgClientTools.LocateAsync(15, CancellationToken.None);
        var dumped = await ProcessRunner.RunAsync(tools.PgDump, ["--file", dump], CancellationToken.None, PgEnvironment.For(prototype.Target));
        Assert.True(dumped.Succeeded, dumped.StandardError);

        var restore = await scene.HksAsync("restore", dump, "--yes");

        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("legacy dump adopted: it was the prototype's v2", restore.Out, StringComparison.Ordinal);
        Assert.Equal(12, await live.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL'"));
        Assert.Equal(4_052_660.20m, await live.ScalarAsync<decimal>("SELECT SUM(market_value) FROM portfolio_positions"));
    }
}
