using System.Text.Json.Serialization;

namespace HkStrategy.Operations.Restore;

/// <summary>A restore's journal as JSON, generated at build time (the names and layout of the backup manifest's).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RestoreJournal))]
internal sealed partial class RestoreJson : JsonSerializerContext;
