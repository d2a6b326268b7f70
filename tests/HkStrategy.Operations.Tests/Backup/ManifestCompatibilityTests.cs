using HkStrategy.Operations.Backup;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Backup;

/// <summary>Kind and format are enums from request to manifest to catalog; manifests written before that still read, seal and all.</summary>
public sealed class ManifestCompatibilityTests
{
    private const string Archive = "hk_strategy_data_20261202_201740.sql.gz";

    [Fact]
    public async Task AManifestWrittenByAnEarlierVersion_IsReadWithItsKindAndFormat_AndItsSealStillHolds()
    {
        var folder = CopyIntoFolder();

        var manifest = await BackupManifest.ReadAsync(Path.Combine(folder, Archive), CancellationToken.None);
        var listed = Assert.Single(await BackupCatalog.ListAsync(folder, CancellationToken.None));

        Assert.Equal((BackupKind.Data, BackupFormat.SqlGz), (manifest.Kind, manifest.Format));
        Assert.Equal("written by an earlier version", manifest.Label);
        Assert.Equal((BackupKind.Data, BackupFormat.SqlGz, "data", "sql.gz"), (listed.Kind, listed.Format, listed.KindText, listed.FormatText));
    }

    [Fact]
    public async Task ANewManifest_WritesKindAndFormatByTheirNames()
    {
        var folder = CopyIntoFolder();
        var manifest = await BackupManifest.ReadAsync(Path.Combine(folder, Archive), CancellationToken.None);
        var copy = Path.Combine(folder, "hk_strategy_backup_20261202_201741.dump");
        await File.WriteAllTextAsync(copy, "");

        await (manifest with { Kind = BackupKind.Full, Format = BackupFormat.Custom }).WriteAsync(copy, CancellationToken.None);

        var text = await File.ReadAllTextAsync(BackupNames.ManifestPath(copy));
        Assert.Contains("\"kind\": \"full\"", text, StringComparison.Ordinal);
        Assert.Contains("\"format\": \"custom\"", text, StringComparison.Ordinal);
        Assert.Equal((BackupKind.Full, BackupFormat.Custom), ((await BackupManifest.ReadAsync(copy, CancellationToken.None)).Kind, (await BackupManifest.ReadAsync(copy, CancellationToken.None)).Format));
    }

    [Theory]
    [InlineData("\"kind\": \"data\"", "\"kind\": \"Data\"")]
    [InlineData("\"kind\": \"data\"", "\"kind\": 1")]
    [InlineData("\"format\": \"sql.gz\"", "\"format\": \"tar\"")]
    public async Task AManifestWithAnUnknownOrRewrittenKindOrFormat_IsRefused(string written, string changed)
    {
        var folder = CopyIntoFolder();
        var path = BackupNames.ManifestPath(Path.Combine(folder, Archive));
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace(written, changed, StringComparison.Ordinal));

        var refusal = await Assert.ThrowsAsync<HkStrategy.Core.Failures.HksException>(() => BackupManifest.ReadAsync(Path.Combine(folder, Archive), CancellationToken.None));

        Assert.True(refusal.Name is "ManifestUnreadable" or "ManifestTampered", refusal.Name);
    }

    [Theory]
    [InlineData("FULL", BackupKind.Full)]
    [InlineData(" schema ", BackupKind.Schema)]
    public void AKindAsTyped_IsReadCaseAside(string typed, BackupKind kind) => Assert.Equal(kind, BackupNames.ParseKind(typed));

    [Theory]
    [InlineData("sql")]
    [InlineData("Full; DROP TABLE")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElse_IsRefusedNamingTheChoices(string? typed)
    {
        var refusal = Assert.Throws<HkStrategy.Core.Failures.HksException>(() => BackupNames.ParseKind(typed));

        Assert.EndsWith("full, data or schema", refusal.Message, StringComparison.Ordinal);
    }

    private static string CopyIntoFolder()
    {
        var folder = Directory.CreateTempSubdirectory("hks-manifest-").FullName;
        File.Copy(Fixtures.Path("backups", Archive + ".manifest.json"), Path.Combine(folder, Archive + ".manifest.json"));
        File.WriteAllText(Path.Combine(folder, Archive), "");
        return folder;
    }
}
