using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

public sealed class BackupCatalogCommandTests
{
    [Fact]
    public async Task BackupsAreVerifiedAsTheyAreMade_ListShowsIt_AndPrune_KeepsTheNewestVerifiedAndForeignFiles()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var first = await scene.BackupAsync();
        var second = await scene.BackupAsync();
        var made = await scene.HksAsync("backup", "list", "--out", scene.Backups, "--json");
        // A backup made before backups were verified as they were made: its verification record is not there.
        File.Delete(HkStrategy.Operations.Backup.BackupNames.VerificationPath(second));
        Assert.Equal(0, (await scene.HksAsync("backup", "verify", first)).ExitCode);
        var foreign = Path.Combine(scene.Backups, "my_own_dump.sql");
        await File.WriteAllTextAsync(foreign, "-- not made by hks\n");

        var list = await scene.HksAsync("backup", "list", "--out", scene.Backups, "--json");
        var prune = await scene.HksAsync("backup", "prune", "--keep-daily", "0", "--keep-weekly", "0", "--keep-monthly", "0", "--out", scene.Backups, "--yes");

        using (var asMade = JsonDocument.Parse(made.Out))
        {
            Assert.All(asMade.RootElement.EnumerateArray(), e => Assert.NotNull(e.GetProperty("verifiedAt").GetString())); // verified as they are made
        }
        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Out);
        var entries = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!);
        Assert.NotNull(entries[Path.GetFileName(first)].GetProperty("verifiedAt").GetString());
        Assert.False(entries["my_own_dump.sql"].GetProperty("hasManifest").GetBoolean());
        Assert.True(prune.ExitCode == 0, prune.Error);
        Assert.True(File.Exists(first));
        Assert.True(File.Exists(foreign));
        Assert.False(File.Exists(second));
        Assert.False(File.Exists(second + ".manifest.json"));
    }
}
