using System.Text.Json;
using System.Text.Json.Serialization;
using HkStrategy.Core.Analysis;
using HkStrategy.Data.Analyses;
using HkStrategy.Data.Portfolios.Exchange;

namespace HkStrategy.Data;

/// <summary>
/// The JSON the data layer writes and reads (analyses' jsonb, portfolio documents), generated at build time: web
/// naming (camelCase), no reflection, so the program compiled ahead of time reads and writes it the same way.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<Contribution>))]
[JsonSerializable(typeof(List<Contribution>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double?>))]
[JsonSerializable(typeof(EquityPerformance))]
[JsonSerializable(typeof(ExportedAnalysis))]
[JsonSerializable(typeof(PortfolioDocument))]
public sealed partial class DataJson : JsonSerializerContext;
