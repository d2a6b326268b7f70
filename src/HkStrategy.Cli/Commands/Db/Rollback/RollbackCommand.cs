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
public sealed class RollbackCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<int> _to = new Option<int>("--to") { Description = "The version to go back to", Required = true };
    private readonly Option<string?> _keep = new Option<string?>("--keep-portfolio") { Description = "The portfolio version 1 keeps (default: the only one with positions)" };
    private readonly Option<bool> _dryRun = CommonOptions.DryRun();
    private readonly Option<bool> _yes = CommonOptions.Yes();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("rollback", "Go back to an older schema version without losing data") { _to, _keep, _dryRun, _yes, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var database = await DatabaseSession.OpenAsync(Context, parseResult, cancellationToken);
        var rollback = new SchemaRollback(new SchemaMigrator(MigrationCatalog.Embedded), Context.SafetyBackup);
        var request = new SchemaChangeRequest
        {
            TargetVersion = parseResult.GetValue(_to),
            KeepPortfolio = parseResult.GetValue(_keep),
            DryRun = parseResult.GetValue(_dryRun),
            DryRunOutput = Context.Out,
        };
        var plan = await rollback.PlanAsync(database, request, cancellationToken);
        if (!request.DryRun)
        {
            var archived = plan.ArchivedPortfolios.Count == 0 ? "" :
                $"\nVersion 1 keeps portfolio {plan.KeepPortfolio}; {string.Join(", ", plan.ArchivedPortfolios)} move to the schema hks_archive (restored by 'hks db migrate').";
            await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes),
                $"This rolls {database.Target.Display} back from schema version {plan.FromVersion} to {plan.ToVersion}, after a verified backup.{archived}",
                database.Target.DatabaseName, cancellationToken);
        }
        var result = await rollback.ExecuteAsync(database, plan, request, cancellationToken);
        await SchemaChangeReport.WriteAsync(Context, result, parseResult.GetValue(_json));
        return 0;
    }
}
