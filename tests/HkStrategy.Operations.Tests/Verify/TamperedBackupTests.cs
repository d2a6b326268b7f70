using HkStrategy.Core.Failures;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Verify;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Verify;

/// <summary>Every kind of damage to a backup is found before anything is changed, and named.</summary>
public sealed class TamperedBackupTests : IClassFixture<TestDatabase>
{
    private readonly TestDatabase _database;

    public TamperedBackupTests(TestDatabase database) => _database = database;

    [Fact]
    public async Task FlippedByte_IsAChecksumMismatch() =>
        Assert.Equal("ChecksumMismatch", await RefusalAsync(path =>
        {
            var bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 0x01;
            File.WriteAllBytes(path, bytes);
        }));

    [Fact]
    public async Task Truncated_IsASizeMismatch() =>
        Assert.Equal("SizeMismatch", await RefusalAsync(path => File.WriteAllBytes(path, File.ReadAllBytes(path)[..^100])));

    [Fact]
    public async Task AppendedBytes_AreASizeMismatch() =>
        Assert.Equal("SizeMismatch", await RefusalAsync(path => File.AppendAllText(path, "extra")));

    [Fact]
    public async Task DeletedManifest_IsRefused() =>
        Assert.Equal("ManifestMissing", await RefusalAsync(path => File.Delete(BackupNames.ManifestPath(path))));

    [Fact]
    public async Task EditedManifest_IsRefused() =>
        Assert.Equal("ManifestTampered", await RefusalAsync(path =>
        {
            var manifest = BackupNames.ManifestPath(path);
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"portfolio_positions\": 12", "\"portfolio_positions\": 13", StringComparison.Ordinal));
        }));

    [Fact]
    public async Task ManifestFromTheFuture_IsRefusedAsNewerSchema()
    {
        var newer = new MigrationCatalog([MigrationCatalog.Embedded.Get(1)]);
        var path = await FreshBackupAsync();

        var error = await Assert.ThrowsAsync<HksException>(() => new BackupVerifier(newer, TimeProvider.System).VerifyAsync(path, CancellationToken.None));

        Assert.Equal("SchemaNewerThanProgram", error.Name);
    }

    [Fact]
    public async Task AnUntouchedBackup_Verifies_AndIsRecordedAsVerified()
    {
        var path = await FreshBackupAsync();

        var report = await new BackupVerifier(MigrationCatalog.Embedded, TimeProvider.System).VerifyAsync(path, CancellationToken.None);

        Assert.Equal(4, report.Passed.Count);
        Assert.NotNull(VerificationRecord.Read(path));
    }

    private async Task<string> RefusalAsync(Action<string> damage)
    {
        var path = await FreshBackupAsync();
        damage(path);
        var error = await Assert.ThrowsAsync<HksException>(() => new BackupVerifier(MigrationCatalog.Embedded, TimeProvider.System).VerifyAsync(path, CancellationToken.None));
        Assert.Equal(ExitCode.Refused, error.ExitCode);
        return error.Name;
    }

    private async Task<string> FreshBackupAsync()
    {
        if (await _database.ScalarAsync<bool>("SELECT to_regclass('hks_meta.schema_migrations') IS NULL"))
        {
            await _database.MigrateAsync();
            await _database.ExecuteAsync(string.Join(';', HkStrategy.Core.Portfolios.DemoState.Portfolios.Select(p => $"INSERT INTO portfolios (portfolio_id, name) VALUES ('{p.PortfolioId}', '{p.Name}') ON CONFLICT DO NOTHING")));
            await _database.ExecuteAsync(string.Join(';', HkStrategy.Core.Portfolios.DemoState.MainPositions.Select(p =>
                $"INSERT INTO portfolio_positions (portfolio_id, symbol, quantity, avg_cost, current_price) VALUES ('My_HKEX_ALL', '{p.Symbol}', {p.Quantity}, {p.AverageCost}, {p.CurrentPrice}) ON CONFLICT DO NOTHING")));
        }
        var folder = Directory.CreateTempSubdirectory("hks-tamper-").FullName;
        return (await new BackupCreator(TimeProvider.System).CreateAsync(_database.Database, new BackupRequest(folder), CancellationToken.None)).Path;
    }
}
