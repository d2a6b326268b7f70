namespace HkStrategy.Operations.Restore;

/// <summary>What <c>hks restore FILE</c> was asked: into the live database or beside it, with or without the safety nets.</summary>
public sealed record RestoreRequest(string Archive, string Home, string BackupFolder)
{
    /// <summary><c>--target-db NAME</c>: restore into a new database beside the live one; the live one is not touched.</summary>
    public string? TargetDatabase { get; init; }

    public bool SkipEmergencyBackup { get; init; }

    /// <summary><c>--no-migrate</c>: a legacy dump stays at the schema it came with.</summary>
    public bool NoMigrate { get; init; }

    /// <summary><c>--accept-loss</c>: a dump with no manifest may replace the live database with fewer portfolios, positions or value.</summary>
    public bool AcceptLoss { get; init; }

    /// <summary>Asks the user to accept a <see cref="ContentLoss"/> by name; throws when they do not. Without it, a loss is refused.</summary>
    public Func<ContentLoss, CancellationToken, Task>? ConfirmLoss { get; init; }
}

/// <summary>What was checked before anything changed, shown to the user with the confirmation question.</summary>
public sealed record RestorePlan(
    string Archive,
    Backup.BackupManifest? Manifest,
    string Live,
    bool LiveExists,
    string Into,
    Content.ContentSummary? LiveContent = null)
{
    public bool IsLegacyDump => Manifest is null;

    public bool ReplacesLive => string.Equals(Into, Live, StringComparison.Ordinal);
}

/// <summary>What a restore did, which database holds what, and what the checks on the result found.</summary>
public sealed record RestoreResult(
    string Database,
    string? EmergencyBackup,
    string? PreRestoreDatabase,
    double UnavailableMilliseconds,
    string? AdoptedAs,
    int? SchemaVersion,
    Content.ContentSummary Content)
{
    public RestoreCheckResult? Checks { get; init; }

    /// <summary>When the live database stopped accepting writes, and when the restored one started (null: not replaced).</summary>
    public DateTimeOffset? WritesRefusedFrom { get; init; }

    public DateTimeOffset? WritesRefusedUntil { get; init; }

    public ContentLoss? AcceptedLoss { get; init; }
}
