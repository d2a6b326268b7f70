namespace HkStrategy.Operations.Schema;

/// <summary>What the user asked of <c>hks db migrate</c> or <c>hks db rollback</c>.</summary>
public sealed record SchemaChangeRequest
{
    public int? TargetVersion { get; init; }

    public bool DryRun { get; init; }

    public TextWriter? DryRunOutput { get; init; }

    public string? LegacyPortfolio { get; init; }

    public string? KeepPortfolio { get; init; }

    public bool HoldingsAsPositions { get; init; }

    public bool SkipBackup { get; init; }

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>What a schema change did, for the command to report.</summary>
public sealed record SchemaChangeResult(
    int? FromVersion,
    int ToVersion,
    string? AdoptedAs,
    IReadOnlyList<string> Steps,
    string? BackupPath,
    int HoldingsConverted,
    string? KeptPortfolio,
    bool DryRun)
{
    /// <summary>What adopting the database changed to bring it to hks's version (the prototype's own version 2).</summary>
    public IReadOnlyList<string> AdoptionChanges { get; init; } = [];
}
