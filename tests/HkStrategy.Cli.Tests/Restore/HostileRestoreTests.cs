using System.IO.Compression;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

/// <summary>Files from outside that try to be more than data: commands, bombs, and dumps that would quietly take data away.</summary>
public sealed class HostileRestoreTests
{
    private const string Header = "--\n-- PostgreSQL database dump\n--\n\n";
    private const string Trailer = "\n--\n-- PostgreSQL database dump complete\n--\n\n";

    [Fact]
    public async Task ACraftedPlainDump_WithShellAndConnectCommands_IsRefusedBeforeAnythingRuns()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var marker = Path.Combine(scene.Home, "shell-ran");
        var crafted = Path.Combine(scene.Home, "crafted.sql");
        await File.WriteAllTextAsync(crafted, Header + $"""
            CREATE TABLE planted (id int);
            \! id > {marker}
            \c {live.Target.DatabaseName}
            UPDATE portfolio_positions SET quantity = 0;
            CREATE TABLE planted_in_live (id int);
            """ + Trailer);
        var before = await scene.FingerprintAsync();

        var run = await scene.HksAsync("restore", crafted, "--yes");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("line 6", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.EndsWith("[MetaCommandInDump]", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.False(await live.ScalarAsync<bool>("SELECT to_regclass('public.planted_in_live') IS NOT NULL"));
        Assert.False(Directory.Exists(scene.Backups) && Directory.GetFiles(scene.Backups, "emergency_*").Length > 0);
    }

    [Fact]
    public async Task ALegacyDumpHoldingLess_IsNotRestoredWithYesAlone_AndNamesTheLoss()
    {
        await using var live = await DemoDatabases.RichAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var before = await scene.FingerprintAsync();

        var refused = await scene.HksAsync("restore", Fixtures.PrototypeV1, "--yes");

        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("portfolios 5 → ", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--accept-loss", refused.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(before, await scene.FingerprintAsync());
        Assert.Empty(await scene.ScratchDatabasesAsync());
        Assert.False(await live.ScalarAsync<bool>("SELECT current_setting('default_transaction_read_only') = 'on'"));

        var accepted = await scene.HksAsync("restore", Fixtures.PrototypeV1, "--yes", "--accept-loss");

        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.Contains("accepted: portfolios 5 → ", accepted.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGzipBomb_IsRefusedUnderAMemoryLimit()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var bomb = Path.Combine(scene.Home, "bomb.sql.gz");
        await using (var gzip = new GZipStream(File.Create(bomb), CompressionLevel.SmallestSize))
        {
            var line = new byte[1024];
            Array.Fill(line, (byte)'0');
            line[^1] = (byte)'\n';
            for (var i = 0; i < 80 * 1024; i++)
            {
                await gzip.WriteAsync(line);
            }
        }

        var run = await scene.HksAsync(new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" }, "restore", bomb, "--yes");

        Assert.Equal(4, run.ExitCode);
        Assert.EndsWith("[DecompressionBomb]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithoutLineEnds_IsRefusedUnderAMemoryLimit()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var zeros = Path.Combine(scene.Home, "zeros.sql");
        await File.WriteAllBytesAsync(zeros, new byte[40 * 1024 * 1024]);

        var run = await scene.HksAsync(new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" }, "restore", zeros, "--yes");

        Assert.Equal(4, run.ExitCode);
        Assert.EndsWith("[LineTooLong]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
