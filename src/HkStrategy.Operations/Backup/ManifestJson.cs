using System.Text.Json.Serialization;

namespace HkStrategy.Operations.Backup;

/// <summary>
/// The JSON of a backup's manifest and verification record, generated at build time: every backup writes it twice (the seal, then the file), and reading
/// it by reflection cost each command about 50 ms of start-up. Same names, order and escaping as the reflection-based
/// writer before it, so earlier manifests keep their seals.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BackupManifest))]
[JsonSerializable(typeof(VerificationRecord))]
internal sealed partial class ManifestJson : JsonSerializerContext;
