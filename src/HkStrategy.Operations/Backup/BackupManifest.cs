using System.Text.Json;
using System.Text.Json.Serialization;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Files;

namespace HkStrategy.Operations.Backup;

/// <summary>
/// Everything known about a backup, written beside it (<c>ARCHIVE.manifest.json</c>) last and atomically: a backup
/// without its manifest is unfinished by definition (pgBackRest's "commit marker last").
/// </summary>
public sealed record BackupManifest
{
    public const int CurrentFormat = 1;

    public int FormatVersion { get; init; } = CurrentFormat;
    public required DateTimeOffset CreatedAt { get; init; }
    public required BackupKind Kind { get; init; }
    public required BackupFormat Format { get; init; }
    public string? Label { get; init; }
    public required string ToolVersion { get; init; }
    public required int ToolMajorVersion { get; init; }
    public required string ServerVersion { get; init; }
    public required int ServerVersionNumber { get; init; }
    public int? SchemaVersion { get; init; }
    public required string Database { get; init; }
    public string? SystemIdentifier { get; init; }
    public required IReadOnlyDictionary<string, long> Tables { get; init; }
    public required IReadOnlyList<PortfolioContent> Portfolios { get; init; }
    public required decimal TotalMarketValue { get; init; }
    public required ArchiveFile Archive { get; init; }

    /// <summary>SHA-256 of this manifest without the seal: an edited manifest is refused like a damaged archive.</summary>
    public string? Seal { get; init; }

    [JsonIgnore]
    public ContentSummary Content => new(Tables, Portfolios, TotalMarketValue);

    public Task WriteAsync(string archivePath, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(BackupNames.ManifestPath(archivePath), JsonSerializer.Serialize(this with { Seal = ComputeSeal() }, ManifestJson.Default.BackupManifest), cancellationToken);

    private string ComputeSeal() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this with { Seal = null }, ManifestJson.Default.BackupManifest)));

    public static async Task<BackupManifest> ReadAsync(string archivePath, CancellationToken cancellationToken)
    {
        var path = BackupNames.ManifestPath(archivePath);
        if (!File.Exists(path))
        {
            throw HksException.Refused("ManifestMissing", $"{Path.GetFileName(path)} is missing: the backup is unfinished or its manifest was lost");
        }
        try
        {
            var manifest = JsonSerializer.Deserialize(await File.ReadAllTextAsync(path, cancellationToken), ManifestJson.Default.BackupManifest);
            if (manifest is not { FormatVersion: CurrentFormat })
            {
                throw HksException.Refused("ManifestUnreadable", $"{Path.GetFileName(path)} is of an unknown format version");
            }
            return string.Equals(manifest.Seal, manifest.ComputeSeal(), StringComparison.Ordinal)
                ? manifest
                : throw HksException.Refused("ManifestTampered", $"{Path.GetFileName(path)} was changed after the backup was made: its seal does not match");
        }
        catch (JsonException error)
        {
            throw HksException.Refused("ManifestUnreadable", $"{Path.GetFileName(path)} is not a valid manifest: {error.Message.Split('.')[0]}");
        }
    }
}

/// <summary>The archive a manifest describes: its file name (beside the manifest), size and SHA-256.</summary>
public sealed record ArchiveFile(string File, long SizeBytes, string Sha256);
