namespace HkStrategy.Data.Schema;

/// <summary>What a database's schema is: the recorded versions (if any), what its tables look like, what is pending.</summary>
public sealed record SchemaState(IReadOnlyList<AppliedMigration> Applied, SchemaClassification Detected, MigrationCatalog Catalog)
{
    public bool IsRecorded => Applied.Count > 0;

    public int? RecordedVersion => IsRecorded ? Applied[^1].Version : null;

    /// <summary>The version to plan from: the recorded one, else the one the tables correspond to.</summary>
    public int? CurrentVersion => RecordedVersion ?? Detected.Version;

    public IReadOnlyList<Migration> Pending =>
        CurrentVersion is { } current ? Catalog.Migrations.Where(m => m.Version > current).ToList() : [];

    /// <summary>Applied versions whose stored SHA-256 differs from this program's script.</summary>
    public IReadOnlyList<AppliedMigration> Edited =>
        Applied.Where(a => a.Version <= Catalog.Latest && !string.Equals(a.Sha256.Trim(), Catalog.Get(a.Version).Sha256, StringComparison.Ordinal)).ToList();

    public bool IsNewerThanProgram => RecordedVersion > Catalog.Latest;
}
