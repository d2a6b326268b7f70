namespace HkStrategy.Operations.Restore;

/// <summary>What <c>hks restore FILE</c> was asked: into the live database or beside it, with or without the safety nets.</summary>
public sealed record RestoreRequest(string Archive, string Home, string BackupFolder)
{
    /// <summary><c>--target-db NAME</c>: restore into a new database beside the live one; the live one is not touched.</summary>
    public string? TargetDatabase { get; init; }

    public bool SkipEmergencyBackup { get; init; }

    /// <summary><c>--no-migrate</c>: a legacy dump stays at the schema it came with.</summary>
    public bool NoMigrate { get; init; }
}

/// <summary>What was checked before anything changed, shown to the user with the confirmation question.</summary>
public sealed record RestorePlan(
    string Archive,
    Backup.BackupManifest? Manifest,
    string Live,
    bool LiveExists,
    string Into)
{
    public bool IsLegacyDump => Manifest is null;

    public bool ReplacesLive => string.Equals(Into, Live, StringComparison.Ordinal);
}

/// <summary>What a restore did.</summary>
public sealed record RestoreResult(
    string Database,
    string? EmergencyBackup,
    string? PreRestoreDatabase,
    double UnavailableMilliseconds,
    string? AdoptedAs,
    int? SchemaVersion,
    Content.ContentSummary Content);
