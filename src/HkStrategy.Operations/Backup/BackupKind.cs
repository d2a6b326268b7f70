using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Backup;

/// <summary>What a backup holds: everything, the rows only, or the schema only (the seed's three backups).</summary>
public enum BackupKind
{
    Full,
    Data,
    Schema,
}

/// <summary>pg_dump's custom format (selective restore, <c>--list</c>) or the seed's gzipped plain SQL (an export).</summary>
public enum BackupFormat
{
    Custom,
    SqlGz,
}

public static class BackupNames
{
    public static BackupKind ParseKind(string value) => value.ToLowerInvariant() switch
    {
        "full" => BackupKind.Full,
        "data" => BackupKind.Data,
        "schema" => BackupKind.Schema,
        _ => throw HksException.Usage("UnknownBackupKind", $"'{value}' is not a backup kind: full, data or schema"),
    };

    public static BackupFormat ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "custom" => BackupFormat.Custom,
        "sql.gz" => BackupFormat.SqlGz,
        _ => throw HksException.Usage("UnknownBackupFormat", $"'{value}' is not a backup format: custom or sql.gz"),
    };

    public static string Text(this BackupKind kind) => kind.ToString().ToLowerInvariant();

    public static string Text(this BackupFormat format) => format == BackupFormat.Custom ? "custom" : "sql.gz";

    /// <summary>The seed's names: hk_strategy_backup_/_data_/_schema_YYYYMMDD_HHMMSS, with .dump or .sql.gz.</summary>
    public static string FileName(string prefix, BackupKind kind, BackupFormat format, DateTimeOffset at)
    {
        var middle = kind switch
        {
            BackupKind.Data => "data",
            BackupKind.Schema => "schema",
            _ => "backup",
        };
        var extension = format == BackupFormat.Custom ? ".dump" : ".sql.gz";
        return $"{prefix}_{middle}_{at.UtcDateTime:yyyyMMdd_HHmmss}{extension}";
    }

    public static string ManifestPath(string archive) => archive + ".manifest.json";

    public static string VerificationPath(string archive) => archive + ".verified.json";
}
