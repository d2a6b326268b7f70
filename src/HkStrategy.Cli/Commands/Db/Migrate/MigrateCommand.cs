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
public static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var to = new Option<int?>("--to") { Description = "The version to reach (default: the latest)" };
        var dryRun = CommonOptions.DryRun();
        var legacyPortfolio = new Option<string?>("--legacy-portfolio") { Description = "Where single-portfolio rows go (default: the oldest portfolio, else DEFAULT)" };
        var holdings = new Option<bool>("--holdings-as-positions") { Description = "Turn portfolio_holdings of portfolios without positions into positions" };
        var noBackup = new Option<bool>("--no-backup") { Description = "Skip the verified backup taken before changing a database that holds data" };
        var json = CommonOptions.Json();
        var command = new Command("migrate", "Adopt and migrate the database to the latest schema version")
        {
            to, dryRun, legacyPortfolio, holdings, noBackup, json,
        };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            await using var database = await DatabaseSession.OpenAsync(context, parseResult, cancellationToken);
            var upgrade = new SchemaUpgrade(new SchemaMigrator(MigrationCatalog.Embedded), context.SafetyBackup);
            var result = await upgrade.RunAsync(database, new SchemaChangeRequest
            {
                TargetVersion = parseResult.GetValue(to),
                DryRun = parseResult.GetValue(dryRun),
                DryRunOutput = context.Out,
                LegacyPortfolio = parseResult.GetValue(legacyPortfolio),
                HoldingsAsPositions = parseResult.GetValue(holdings),
                SkipBackup = parseResult.GetValue(noBackup),
            }, cancellationToken);
            await SchemaChangeReport.WriteAsync(context, result, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
