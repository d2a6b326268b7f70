namespace HkStrategy.Data.Schema;

/// <summary>How to migrate: the target, settings the scripts read (<c>hks.*</c>), timeouts, and a dry-run writer.</summary>
public sealed record MigrationOptions
{
    public int? TargetVersion { get; init; }

    /// <summary>Values the scripts read with <c>current_setting('hks.name')</c>, set LOCAL to the migration's transaction.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one statement may wait for a table lock before the migration gives up (and retries).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int LockAttempts { get; init; } = 3;

    /// <summary>How long to wait for another migrator holding the advisory lock before exiting cleanly.</summary>
    public TimeSpan WaitForOtherMigrator { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>When set, nothing is changed: the SQL that would run is written here.</summary>
    public TextWriter? DryRun { get; init; }
}

public enum MigrationDirection
{
    Up,
    Down,
}

public sealed record MigrationStep(Migration Migration, MigrationDirection Direction)
{
    public int FromVersion => Direction == MigrationDirection.Up ? Migration.Version - 1 : Migration.Version;

    public int ToVersion => Direction == MigrationDirection.Up ? Migration.Version : Migration.Version - 1;

    public string Sql => Direction == MigrationDirection.Down ? Migration.DownSql
        : Migration.ReturnSql is { } back ? Migration.UpSql.TrimEnd() + "\n\n" + back : Migration.UpSql;
}

/// <summary>What a migration run did: the classification it recorded (if it adopted the database) and the steps.</summary>
public sealed record MigrationOutcome(int? FromVersion, int ToVersion, SchemaClassification? Adopted, IReadOnlyList<MigrationStep> Steps, bool DryRun)
{
    /// <summary>What adopting the database changed before recording its versions, one line each (empty: nothing).</summary>
    public IReadOnlyList<string> AdoptionChanges { get; init; } = [];
}
