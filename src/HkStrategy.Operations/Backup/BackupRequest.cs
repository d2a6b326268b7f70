namespace HkStrategy.Operations.Backup;

public sealed record BackupRequest(string Folder, BackupKind Kind = BackupKind.Full, BackupFormat Format = BackupFormat.Custom, string? Label = null)
{
    /// <summary>The first part of the file name: hk_strategy (the seed's), or emergency / pre_migration / pre_rollback.</summary>
    public string Prefix { get; init; } = "hk_strategy";
}

/// <summary>What <c>hks backup create</c> reports (<c>--json</c>: path, manifest, sha256, kind, sizeBytes).</summary>
public sealed record BackupResult(string Path, string Manifest, string Sha256, BackupKind Kind, long SizeBytes, BackupFormat Format, int? SchemaVersion, decimal TotalMarketValue);
