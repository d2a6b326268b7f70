using System.Text.Json.Serialization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Commands.Activities;
using HkStrategy.Cli.Commands.Analysis;
using HkStrategy.Cli.Commands.Backup.Prune;
using HkStrategy.Cli.Commands.Backup.Verify;
using HkStrategy.Cli.Commands.Check;
using HkStrategy.Cli.Commands.Fees;
using HkStrategy.Cli.Commands.Portfolio;
using HkStrategy.Cli.Commands.Prices;
using HkStrategy.Cli.Commands.Restore;
using HkStrategy.Cli.Commands.Signals;
using HkStrategy.Cli.Commands.Validate;
using HkStrategy.Cli.Commands.Db.Seed;
using HkStrategy.Core.Indicators;
using HkStrategy.Data.Analyses;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Positions;
using HkStrategy.Data.Prices;
using HkStrategy.Data.Status;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Diff;
using HkStrategy.Operations.Prices;
using HkStrategy.Operations.Schema;

namespace HkStrategy.Cli.Commands;

/// <summary>
/// Every type a <c>--json</c> prints, its JSON written at build time (no reflection: hks is compiled ahead of time).
/// Made with <see cref="JsonOutput.Options"/>: camelCase, indented, money with two decimals.
/// </summary>
[JsonSerializable(typeof(IReadOnlyList<AnalysisSummary>))]
[JsonSerializable(typeof(IReadOnlyList<EquityAnalysisSummary>))]
[JsonSerializable(typeof(BackupResult))]
[JsonSerializable(typeof(IReadOnlyList<CatalogEntry>))]
[JsonSerializable(typeof(SchemaChangeResult))]
[JsonSerializable(typeof(SeedJson))]
[JsonSerializable(typeof(DatabaseStatus))]
[JsonSerializable(typeof(DiffReport))]
[JsonSerializable(typeof(List<IndicatorRow>))]
[JsonSerializable(typeof(HkStrategy.Data.Positions.Position))]
[JsonSerializable(typeof(IReadOnlyList<FetchOutcome>))]
[JsonSerializable(typeof(IReadOnlyList<RefreshedPrice>))]
[JsonSerializable(typeof(IReadOnlyList<PortfolioSummary>))]
[JsonSerializable(typeof(CreatedPortfolios))]
[JsonSerializable(typeof(FeeQuoteJson))]
[JsonSerializable(typeof(HkStrategy.Cli.Commands.Portfolio.BrokerProfileJson))]
[JsonSerializable(typeof(ActivityJson))]
[JsonSerializable(typeof(ActivityImportJson))]
[JsonSerializable(typeof(HkStrategy.Core.Performance.PerformanceReport))]
[JsonSerializable(typeof(IReadOnlyList<ActivityJson>))]
[JsonSerializable(typeof(PortfolioRestoreJson))]
[JsonSerializable(typeof(RestoreJson))]
[JsonSerializable(typeof(IReadOnlyList<FindingJson>))]
[JsonSerializable(typeof(PriceImportJson))]
[JsonSerializable(typeof(PricesRepackJson))]
[JsonSerializable(typeof(AnalysisJson))]
[JsonSerializable(typeof(AnalysisCreatedJson))]
[JsonSerializable(typeof(EquityAnalysisJson))]
[JsonSerializable(typeof(EquityAnalysisShowJson))]
[JsonSerializable(typeof(AnalysisComparisonJson))]
[JsonSerializable(typeof(GeneratedSignalsJson))]
[JsonSerializable(typeof(IReadOnlyList<ListedSignalJson>))]
[JsonSerializable(typeof(VerifiedBackupJson))]
[JsonSerializable(typeof(IReadOnlyList<PruneDecisionJson>))]
[JsonSerializable(typeof(ValidationJson))]
[JsonSerializable(typeof(PortfolioJson))]
[JsonSerializable(typeof(PortfolioImportJson))]
internal sealed partial class CommandJson : JsonSerializerContext
{
    /// <summary>The types, with the options every <c>--json</c> prints with; a type not listed above does not compile.</summary>
    public static CommandJson Types { get; } = new(JsonOutput.Options);
}
