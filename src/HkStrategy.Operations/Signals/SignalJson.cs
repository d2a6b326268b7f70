using System.Text.Json;
using System.Text.Json.Serialization;
using HkStrategy.Core.Signals;

namespace HkStrategy.Operations.Signals;

/// <summary>The JSON of a signal run's parameters and of each signal's evidence, generated at build time (web naming).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SignalParameters))]
[JsonSerializable(typeof(StoredEvidence))]
internal sealed partial class SignalJson : JsonSerializerContext;
