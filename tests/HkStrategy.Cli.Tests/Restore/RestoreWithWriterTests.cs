using System.Collections.Concurrent;
using Dapper;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Restore;
using HkStrategy.Testing;
using Npgsql;

namespace HkStrategy.Cli.Tests.Restore;

public sealed class RestoreWithWriterTests
{
    [Fact]
    public async Task AWriterDuringARestore_LosesNoCommittedWrite_AndIsRefusedWhileTheDatabaseIsReplaced()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        var committed = new ConcurrentBag<string>();
        var readOnlyRefusals = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var symbol = $"W{i:D5}.HK";
                try
                {
                    await using var connection = new NpgsqlConnection(live.Target.ConnectionString + ";Pooling=false");
                    await connection.OpenAsync();
                    await connection.ExecuteAsync(
                        "INSERT INTO portfolio_positions (portfolio_id, symbol, quantity, avg_cost, current_price) VALUES ('My_HKEX_ALL', @symbol, 1, 1, 1)", new { symbol });
                    committed.Add(symbol);
                }
                catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction)
                {
                    Interlocked.Increment(ref readOnlyRefusals);
                }
                catch (NpgsqlException)
                {
                    // Ended by the restore, or the database was being renamed: not committed.
                }
                await Task.Delay(5);
            }
        });
        await Task.Delay(500);

        var run = await scene.HksAsync("restore", backup, "--yes");
        await Task.Delay(500);
        await stop.CancelAsync();
        await writer;

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("writes were refused from", run.Out, StringComparison.Ordinal);
        Assert.True(readOnlyRefusals > 0, "no write met the read-only database");
        var journal = Assert.Single(RestoreJournal.ReadAll(scene.Home));
        var copy = live.Target.WithDatabase(journal.PreRestoreDatabase!);
        var inLive = (await live.QueryAsync<string>("SELECT symbol FROM portfolio_positions WHERE symbol LIKE 'W%'")).ToHashSet();
        Assert.False(await live.ScalarAsync<bool>("SELECT datallowconn FROM pg_database WHERE datname = @name", new { name = copy.DatabaseName }));
        await live.ExecuteAsync($"ALTER DATABASE {copy.DatabaseName} ALLOW_CONNECTIONS true"); // as someone who looks into the closed copy
        await using var copyConnection = new NpgsqlConnection(copy.ConnectionString + ";Pooling=false");
        var inCopy = (await copyConnection.QueryAsync<string>("SELECT symbol FROM portfolio_positions WHERE symbol LIKE 'W%'")).ToHashSet();
        Assert.NotEmpty(committed);
        Assert.All(committed, symbol => Assert.True(inLive.Contains(symbol) || inCopy.Contains(symbol), $"{symbol} was committed and is nowhere"));
        var emergency = await BackupManifest.ReadAsync(journal.EmergencyBackup!, CancellationToken.None);
        Assert.Equal(emergency.Tables["portfolio_positions"], await copyConnection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions"));
        await copyConnection.CloseAsync();
        await live.ExecuteAsync($"ALTER DATABASE {copy.DatabaseName} ALLOW_CONNECTIONS false");

        var cleanup = await scene.HksAsync("restore", "--cleanup", "--yes");

        Assert.True(cleanup.ExitCode == 0, cleanup.Error);
        Assert.Contains("holds the same data (verified)", cleanup.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cleanup_BacksUpAPreRestoreCopyThatWasWrittenTo_BeforeDroppingIt()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        Assert.Equal(0, (await scene.HksAsync("restore", backup, "--yes")).ExitCode);
        var copy = live.Target.WithDatabase(Assert.Single(RestoreJournal.ReadAll(scene.Home)).PreRestoreDatabase!);
        await live.ExecuteAsync($"ALTER DATABASE {copy.DatabaseName} ALLOW_CONNECTIONS true");
        await using (var connection = new NpgsqlConnection(copy.ConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
            await connection.ExecuteAsync("INSERT INTO portfolio_positions (portfolio_id, symbol, quantity, avg_cost, current_price) VALUES ('My_HKEX_ALL', 'LATE.HK', 1, 1, 1)");
        }

        var cleanup = await scene.HksAsync("restore", "--cleanup", "--yes");

        Assert.True(cleanup.ExitCode == 0, cleanup.Error);
        Assert.Contains("after backing it up (verified)", cleanup.Out, StringComparison.Ordinal);
        var kept = Directory.GetFiles(scene.Backups, "pre_restore_copy_*.dump");
        var manifest = await BackupManifest.ReadAsync(Assert.Single(kept), CancellationToken.None);
        Assert.Equal(14, manifest.Tables["portfolio_positions"]);
    }
}
