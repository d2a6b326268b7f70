using HkStrategy.Core.Failures;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.PgTools;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Backup;

public sealed class ArchiveReaderTests
{
    [Fact]
    public async Task AnArchiveFromANewerPgDump_IsRefusedByName()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();
        var folder = Directory.CreateTempSubdirectory("hks-newer-").FullName;
        var backup = await new BackupCreator(TimeProvider.System).CreateAsync(db.Database, new BackupRequest(folder), CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(backup.Path);
        bytes[6] = 99; // "PGDMP", then the archive format version: major, minor (here 99), revision
        await File.WriteAllBytesAsync(backup.Path, bytes);
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(db.Database, CancellationToken.None), CancellationToken.None);

        var error = await Assert.ThrowsAsync<HksException>(() => ArchiveReader.ListAsync(tools, backup.Path, CancellationToken.None));

        Assert.Equal("ArchiveTooNew", error.Name);
    }

    [Fact]
    public async Task APlainDumpWithoutPgDumpsClosingLine_IsIncomplete()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hks-plain-").FullName, "cut.sql");
        var lines = await File.ReadAllLinesAsync(Fixtures.PrototypeV1);
        await File.WriteAllLinesAsync(path, lines[..(lines.Length / 2)]);

        var error = await Assert.ThrowsAsync<HksException>(() => ArchiveReader.RequireCompletePlainDumpAsync(path, CancellationToken.None));

        Assert.Equal("ArchiveIncomplete", error.Name);
        Assert.Equal(15, await ArchiveReader.RequireCompletePlainDumpAsync(Fixtures.PrototypeV1, CancellationToken.None));
    }
}
