using System.Text.Json.Serialization;
using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Backup;

/// <summary>
/// What a backup holds: everything, the rows only, or the schema only (the seed's three backups). Written in
/// manifests by the names below, as every manifest so far has them.
/// </summary>
[JsonConverter(typeof(NamesOnly<BackupKind>))]
public enum BackupKind
{
    [JsonStringEnumMemberName("full")]
    Full,
    [JsonStringEnumMemberName("data")]
    Data,
    [JsonStringEnumMemberName("schema")]
    Schema,
}

/// <summary>pg_dump's custom format (selective restore, <c>--list</c>) or the seed's gzipped plain SQL (an export).</summary>
[JsonConverter(typeof(NamesOnly<BackupFormat>))]
public enum BackupFormat
{
    [JsonStringEnumMemberName("custom")]
    Custom,
    [JsonStringEnumMemberName("sql.gz")]
    SqlGz,
}

/// <summary>Reads and writes the names only: a number in a manifest's kind or format could mean anything, so it is refused.</summary>
public sealed class NamesOnly<T>() : JsonStringEnumConverter<T>(namingPolicy: null, allowIntegerValues: false)
    where T : struct, Enum;

public static class BackupNames
{
    public static IReadOnlyList<BackupKind> Kinds { get; } = Enum.GetValues<BackupKind>();

    public static IReadOnlyList<BackupFormat> Formats { get; } = Enum.GetValues<BackupFormat>();

    public static BackupKind ParseKind(string? value) => Parse(Kinds, Text, value, "UnknownBackupKind", "a backup kind");

    public static BackupFormat ParseFormat(string? value) => Parse(Formats, Text, value, "UnknownBackupFormat", "a backup format");

    /// <summary>A name as typed (case and surrounding spaces aside); nothing, or anything else, is refused naming the choices.</summary>
    private static T Parse<T>(IReadOnlyList<T> all, Func<T, string> text, string? value, string failure, string what)
        where T : struct, Enum
    {
        var given = value?.Trim() ?? "";
        foreach (var candidate in all)
        {
            if (string.Equals(text(candidate), given, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        throw HksException.Usage(failure, $"'{Core.Text.TextRules.Escape(given)}' is not {what}: {Choices(all.Select(text))}");
    }

    /// <summary>The name a manifest, a file and the command line use: full, data, schema.</summary>
    public static string Text(this BackupKind kind) => kind switch
    {
        BackupKind.Full => "full",
        BackupKind.Data => "data",
        BackupKind.Schema => "schema",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What the kind holds, for people choosing one.</summary>
    public static string Describe(this BackupKind kind) => kind switch
    {
        BackupKind.Full => "full (schema and data)",
        BackupKind.Data => "data only",
        BackupKind.Schema => "schema only",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Text(this BackupFormat format) => format switch
    {
        BackupFormat.Custom => "custom",
        BackupFormat.SqlGz => "sql.gz",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Describe(this BackupFormat format) => format switch
    {
        BackupFormat.Custom => "custom (pg_restore; selective restores)",
        BackupFormat.SqlGz => "sql.gz (plain SQL, gzipped)",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>"a, b or c".</summary>
    public static string Choices(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count < 2 ? string.Concat(list) : string.Join(", ", list[..^1]) + " or " + list[^1];
    }

    /// <summary>The format a file's name says, for archives without a manifest: .dump, .sql.gz, or none for plain .sql.</summary>
    public static BackupFormat? FormatOfFile(string path) =>
        path.EndsWith(".dump", StringComparison.Ordinal) ? BackupFormat.Custom
        : path.EndsWith(".sql.gz", StringComparison.Ordinal) ? BackupFormat.SqlGz
        : null;

    /// <summary>The seed's names: hk_strategy_backup_/_data_/_schema_YYYYMMDD_HHMMSS, with .dump or .sql.gz.</summary>
    public static string FileName(string prefix, BackupKind kind, BackupFormat format, DateTimeOffset at)
    {
        var middle = kind switch
        {
            BackupKind.Full => "backup",
            BackupKind.Data => "data",
            BackupKind.Schema => "schema",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var extension = format switch
        {
            BackupFormat.Custom => ".dump",
            BackupFormat.SqlGz => ".sql.gz",
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        return $"{prefix}_{middle}_{at.UtcDateTime:yyyyMMdd_HHmmss}{extension}";
    }

    public static string ManifestPath(string archive) => archive + ".manifest.json";

    public static string VerificationPath(string archive) => archive + ".verified.json";
}
