using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Schema;

namespace HkStrategy.Cli.Commands.Db.Migrate;

/// <summary>
/// <c>hks db migrate</c>: adopts a database without a version record (recording what it was classified as), backs it
/// up when it holds data, and brings it to the latest (or <c>--to</c>) version.
/// </summary>
public sealed class MigrateCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<int?> _to = new Option<int?>("--to") { Description = "The version to reach (default: the latest)" };
    private readonly Option<bool> _dryRun = CommonOptions.DryRun();
    private readonly Option<string?> _legacyPortfolio = new Option<string?>("--legacy-portfolio") { Description = "Where single-portfolio rows go (default: the oldest portfolio, else DEFAULT)" };
    private readonly Option<bool> _holdings = new Option<bool>("--holdings-as-positions") { Description = "Turn portfolio_holdings of portfolios without positions into positions" };
    private readonly Option<bool> _noBackup = new Option<bool>("--no-backup") { Description = "Skip the verified backup taken before changing a database that holds data" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("migrate", "Adopt and migrate the database to the latest schema version")
        {
            _to, _dryRun, _legacyPortfolio, _holdings, _noBackup, _json,
        };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var database = await DatabaseSession.OpenAsync(Context, parseResult, cancellationToken);
        var upgrade = new SchemaUpgrade(new SchemaMigrator(MigrationCatalog.Embedded), Context.SafetyBackup);
        var result = await upgrade.RunAsync(database, new SchemaChangeRequest
        {
            TargetVersion = parseResult.GetValue(_to),
            DryRun = parseResult.GetValue(_dryRun),
            DryRunOutput = Context.Out,
            LegacyPortfolio = parseResult.GetValue(_legacyPortfolio),
            HoldingsAsPositions = parseResult.GetValue(_holdings),
            SkipBackup = parseResult.GetValue(_noBackup),
        }, cancellationToken);
        await SchemaChangeReport.WriteAsync(Context, result, parseResult.GetValue(_json));
        return 0;
    }
}
