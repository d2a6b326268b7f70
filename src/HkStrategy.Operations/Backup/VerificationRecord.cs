using System.Text.Json;
using HkStrategy.Operations.Files;

namespace HkStrategy.Operations.Backup;

/// <summary>When a backup was last verified, and whether by a drill: <c>ARCHIVE.verified.json</c>, shown by <c>backup list</c>.</summary>
public sealed record VerificationRecord(DateTimeOffset VerifiedAt, bool Drilled)
{
    public static Task WriteAsync(string archive, bool drilled, TimeProvider clock, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(BackupNames.VerificationPath(archive),
            JsonSerializer.Serialize(new VerificationRecord(clock.GetUtcNow(), drilled), ManifestJson.Default.VerificationRecord), cancellationToken);

    public static VerificationRecord? Read(string archive)
    {
        var path = BackupNames.VerificationPath(archive);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ManifestJson.Default.VerificationRecord) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
