using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Verify;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Backup;

public sealed class ConcurrentWritersTests
{
    [Fact]
    public async Task BackupTakenWhileWritersRun_RestoresToAStateWhereTheirInvariantHolds()
    {
        await using var db = await DemoDatabases.SeededAsync();
        const long invariant = 3100 + 13428; // writers move shares between 0700.HK and 0005.HK: the sum never changes
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var moves = 0;
            while (!stop.IsCancellationRequested)
            {
                await db.ExecuteAsync("""
                    BEGIN;
                    UPDATE portfolio_positions SET quantity = quantity - 7 WHERE symbol = '0700.HK';
                    UPDATE portfolio_positions SET quantity = quantity + 7 WHERE symbol = '0005.HK';
                    INSERT INTO trading_signals (portfolio_id, symbol, signal_type, price) VALUES ('My_HKEX_ALL', '0700.HK', 'C', 1);
                    COMMIT;
                    """);
                moves++;
            }
            return moves;
        })).ToList();
        await Task.Delay(300);
        var folder = Directory.CreateTempSubdirectory("hks-writers-").FullName;

        var backup = await new BackupCreator(TimeProvider.System).CreateAsync(db.Database, new BackupRequest(folder), CancellationToken.None);
        await stop.CancelAsync();
        var moves = (await Task.WhenAll(writers)).Sum();

        Assert.True(moves > 0);
        var drill = await new BackupVerifier(MigrationCatalog.Embedded, TimeProvider.System).DrillAsync(backup.Path, db.Target, CancellationToken.None);
        Assert.True(drill.Drilled); // row counts and values in the manifest match the archive exactly
        var manifest = await BackupManifest.ReadAsync(backup.Path, CancellationToken.None);
        var copy = await TestDatabase.CreateAsync();
        await HkStrategy.Operations.Databases.ArchiveRestorer.RestoreAsync(copy.Target, backup.Path, BackupFormat.Custom, CancellationToken.None);
        Assert.Equal(invariant, await copy.ScalarAsync<long>("SELECT SUM(quantity) FROM portfolio_positions WHERE symbol IN ('0700.HK', '0005.HK')"));
        Assert.Equal(manifest.Tables["trading_signals"], await copy.ScalarAsync<long>("SELECT COUNT(*) FROM trading_signals"));
        Assert.Equal((3100 - await copy.ScalarAsync<long>("SELECT quantity FROM portfolio_positions WHERE symbol = '0700.HK'")) / 7,
            await copy.ScalarAsync<long>("SELECT COUNT(*) FROM trading_signals"));
        await copy.DisposeAsync();
    }
}
