using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Restore;
using HkStrategy.Operations.Verify;
using HkStrategy.Testing;
using HkStrategy.Operations.Databases;

namespace HkStrategy.Operations.Tests.Backup;

public sealed class BackupRoundTripTests
{
    [Theory]
    [InlineData(BackupFormat.Custom)]
    [InlineData(BackupFormat.SqlGz)]
    public async Task FullBackup_RestoredBeside_HasTheSameSchemaAndEveryRow(BackupFormat format)
    {
        await using var db = await DemoDatabases.RichAsync();
        var folder = Directory.CreateTempSubdirectory("hks-roundtrip-").FullName;
        var backup = await new BackupCreator(TimeProvider.System).CreateAsync(db.Database, new BackupRequest(folder, BackupKind.Full, format), CancellationToken.None);
        var copy = "hks_copy_" + Guid.NewGuid().ToString("N")[..8];

        var restore = new CompleteRestore(MigrationCatalog.Embedded, TimeProvider.System);
        var request = new RestoreRequest(backup.Path, TestEnvironment.Home, folder) { TargetDatabase = copy };
        await restore.ExecuteAsync(db.Target, await restore.PlanAsync(db.Target, request, CancellationToken.None), request, CancellationToken.None);

        var restored = db.Target.WithDatabase(copy);
        try
        {
            Assert.Equal(await SchemaSnapshot.TakeAsync(db.Target), await SchemaSnapshot.TakeAsync(restored));
            Assert.Equal(await TableSnapshot.TakeAsync(db.Target), await TableSnapshot.TakeAsync(restored));
            Assert.Equal(await TableSnapshot.TakeAsync(db.Target, "hks_meta"), await TableSnapshot.TakeAsync(restored, "hks_meta"));
        }
        finally
        {
            await new ServerDatabases(db.Target).DropAsync(copy, CancellationToken.None);
        }
    }

    [Theory]
    [InlineData(BackupKind.Data, BackupFormat.Custom)]
    [InlineData(BackupKind.Data, BackupFormat.SqlGz)]
    [InlineData(BackupKind.Schema, BackupFormat.Custom)]
    public async Task DataAndSchemaBackups_PassARestoreDrill(BackupKind kind, BackupFormat format)
    {
        await using var db = await DemoDatabases.RichAsync();
        var folder = Directory.CreateTempSubdirectory("hks-kinds-").FullName;
        var backup = await new BackupCreator(TimeProvider.System).CreateAsync(db.Database, new BackupRequest(folder, kind, format), CancellationToken.None);

        var report = await new BackupVerifier(MigrationCatalog.Embedded, TimeProvider.System).DrillAsync(backup.Path, db.Target, CancellationToken.None);

        Assert.True(report.Drilled);
        Assert.Matches(kind == BackupKind.Data ? @"hk_strategy_data_\d{8}_\d{6}\." : @"hk_strategy_schema_\d{8}_\d{6}\.", Path.GetFileName(backup.Path));
    }

    [Fact]
    public async Task Manifest_DescribesTheArchiveAndTheDatabase()
    {
        await using var db = await DemoDatabases.RichAsync();
        var folder = Directory.CreateTempSubdirectory("hks-manifest-").FullName;

        var backup = await new BackupCreator(TimeProvider.System).CreateAsync(db.Database, new BackupRequest(folder, Label: "before the upgrade"), CancellationToken.None);
        var manifest = await BackupManifest.ReadAsync(backup.Path, CancellationToken.None);

        Assert.Equal((BackupKind.Full, BackupFormat.Custom, (int?)HkStrategy.Data.Schema.MigrationCatalog.Embedded.Latest, "before the upgrade"), (manifest.Kind, manifest.Format, manifest.SchemaVersion, manifest.Label));
        Assert.Equal(13, manifest.Tables["portfolio_positions"]);
        Assert.Equal(4052660.20m + 50050.00m, manifest.TotalMarketValue);
        Assert.Equal(1, manifest.Portfolios.Single(p => p.PortfolioId == "HKEX_NonTech").Positions);
        Assert.Equal(backup.Sha256, manifest.Archive.Sha256);
        Assert.StartsWith("pg_dump (PostgreSQL) ", manifest.ToolVersion, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(manifest.SystemIdentifier));
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }
}
