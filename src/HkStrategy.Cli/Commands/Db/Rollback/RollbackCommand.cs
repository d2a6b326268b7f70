using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Schema;

namespace HkStrategy.Cli.Commands.Db.Rollback;

/// <summary>
/// <c>hks db rollback --to N</c>: typed confirmation, a verified backup, then the down migrations in one transaction
/// each. What the older version cannot hold moves to the schema hks_archive; migrating up brings it back.
/// </summary>
public static class RollbackCommand
{
    public static Command Create(CliContext context)
    {
        var to = new Option<int>("--to") { Description = "The version to go back to", Required = true };
        var keep = new Option<string?>("--keep-portfolio") { Description = "The portfolio version 1 keeps (default: the only one with positions)" };
        var dryRun = CommonOptions.DryRun();
        var yes = CommonOptions.Yes();
        var json = CommonOptions.Json();
        var command = new Command("rollback", "Go back to an older schema version without losing data") { to, keep, dryRun, yes, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            await using var database = await DatabaseSession.OpenAsync(context, parseResult, cancellationToken);
            var rollback = new SchemaRollback(new SchemaMigrator(MigrationCatalog.Embedded), context.SafetyBackup);
            var request = new SchemaChangeRequest
            {
                TargetVersion = parseResult.GetValue(to),
                KeepPortfolio = parseResult.GetValue(keep),
                DryRun = parseResult.GetValue(dryRun),
                DryRunOutput = context.Out,
            };
            var plan = await rollback.PlanAsync(database, request, cancellationToken);
            if (!request.DryRun)
            {
                var archived = plan.ArchivedPortfolios.Count == 0 ? "" :
                    $"\nVersion 1 keeps portfolio {plan.KeepPortfolio}; {string.Join(", ", plan.ArchivedPortfolios)} move to the schema hks_archive (restored by 'hks db migrate').";
                await Confirmation.RequireAsync(context, parseResult.GetValue(yes),
                    $"This rolls {database.Target.Display} back from schema version {plan.FromVersion} to {plan.ToVersion}, after a verified backup.{archived}",
                    database.Target.DatabaseName, cancellationToken);
            }
            var result = await rollback.ExecuteAsync(database, plan, request, cancellationToken);
            await SchemaChangeReport.WriteAsync(context, result, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
