using HkStrategy.Data.Processes;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.PgTools;
using HkStrategy.Testing;
using Microsoft.Extensions.Time.Testing;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Operations.Tests.Backup;

public sealed class SafetyBackupTests
{
    [Fact]
    public async Task Backup_IsAReadableArchive_OnlyTheUserCanRead_NamedAfterItsTime()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();
        var folder = Directory.CreateTempSubdirectory("hks-safety-").FullName;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 30, 5, TimeSpan.Zero));

        var backup = await new SafetyBackup(folder, clock).TakeAsync(db.Database, "pre_rollback", CancellationToken.None);

        Assert.Equal(Path.Combine(folder, "pre_rollback_backup_20261124_093005.dump"), backup.Path);
        Assert.True(File.Exists(backup.Path + ".manifest.json"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup.Path));
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(db.Database, CancellationToken.None), CancellationToken.None);
        var list = await ProcessRunner.RunAsync(tools.PgRestore, ["--list", backup.Path], CancellationToken.None);
        Assert.Contains("TABLE public portfolio_positions", list.StandardOutput, StringComparison.Ordinal);
    }
}
