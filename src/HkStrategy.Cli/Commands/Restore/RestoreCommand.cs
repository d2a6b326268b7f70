using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands.Backup;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Restore;
using HkStrategy.Operations.Databases;

namespace HkStrategy.Cli.Commands.Restore;

/// <summary>
/// <c>hks restore FILE</c>: verify, confirm, emergency backup, restore into a scratch database and validate, switch.
/// <c>--cleanup</c> drops the databases earlier restores kept.
/// </summary>
public static class RestoreCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("file") { Description = "The backup (a path, or a name in the backup folder)", Arity = ArgumentArity.ZeroOrOne };
        var yes = CommonOptions.Yes();
        var noEmergency = new Option<bool>("--no-emergency-backup") { Description = "Skip the verified backup of the current database (not recommended)" };
        var targetDb = new Option<string?>("--target-db") { Description = "Restore into this new database beside the live one" };
        var noMigrate = new Option<bool>("--no-migrate") { Description = "Keep a legacy dump at the schema it came with" };
        var acceptLoss = new Option<bool>("--accept-loss") { Description = "Let a dump without a manifest replace the live database with fewer portfolios, positions or value (for scripts; --yes alone never does)" };
        var cleanup = new Option<bool>("--cleanup") { Description = "Drop the pre-restore databases earlier restores kept" };
        var portfolio = new Option<string?>("--portfolio") { Description = "Restore only this portfolio (metadata, positions, signals, prices, analyses)" };
        var mode = new Option<string>("--mode") { Description = "With --portfolio: replace, merge or missing-only", DefaultValueFactory = _ => "replace" };
        var dryRun = CommonOptions.DryRun();
        var metadata = new Option<bool>("--portfolios-metadata") { Description = "Re-create portfolio rows missing from the live database; never overwrite" };
        var recover = new Option<bool>("--recover") { Description = "Finish or undo interrupted restores and remove their leftovers (every restore does this first)" };
        var json = CommonOptions.Json();
        var command = new Command("restore", "Restore a backup so that nothing can be lost") { file, yes, noEmergency, targetDb, noMigrate, acceptLoss, cleanup, recover, portfolio, mode, dryRun, metadata, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var live = await DatabaseSession.ResolveAsync(context, parseResult, cancellationToken);
            var home = context.Settings.Home;
            if (parseResult.GetValue(recover))
            {
                foreach (var action in await RestoreRecovery.RecoverAsync(new ServerDatabases(live), home.Root, home.Backups, context.Clock, cancellationToken))
                {
                    await context.Out.WriteLineAsync(action);
                }
                await context.Out.WriteLineAsync("recovery finished: nothing is left over from interrupted restores");
                return 0;
            }
            if (parseResult.GetValue(cleanup))
            {
                return await RestoreCleanup.RunAsync(context, live, parseResult.GetValue(yes), cancellationToken);
            }
            var archive = BackupCatalog.Resolve(
                parseResult.GetValue(file) ?? throw HksException.Usage("BackupRequired", "say which backup to restore: hks restore FILE"), home.Backups);
            if (parseResult.GetValue(portfolio) is { } portfolioId)
            {
                return await SelectiveRestore.PortfolioAsync(context, live, archive, portfolioId, PortfolioRestore.ParseMode(parseResult.GetValue(mode)!),
                    parseResult.GetValue(dryRun), parseResult.GetValue(yes), parseResult.GetValue(json), cancellationToken);
            }
            if (parseResult.GetValue(metadata))
            {
                return await SelectiveRestore.MetadataAsync(context, live, archive, parseResult.GetValue(json), cancellationToken);
            }
            if (parseResult.GetValue(dryRun))
            {
                throw HksException.Usage("DryRunNeedsPortfolio", "--dry-run previews a selective restore: add --portfolio ID (a complete restore is previewed by its confirmation)");
            }
            var request = new RestoreRequest(archive, home.Root, home.Backups)
            {
                TargetDatabase = parseResult.GetValue(targetDb),
                SkipEmergencyBackup = parseResult.GetValue(noEmergency),
                NoMigrate = parseResult.GetValue(noMigrate),
                AcceptLoss = parseResult.GetValue(acceptLoss),
                ConfirmLoss = (loss, token) => Confirmation.RequireAsync(context, yes: false,
                    $"The dump holds less than the live database: {loss.Describe()}. It has no manifest saying this is intended.", loss.Confirmation, token,
                    hint: "pass --accept-loss to accept it in a script"),
            };
            // The questions stop the progress display while they are asked; the report is written after it has ended.
            var result = await ProgressView.RunAsync(context, async progress =>
            {
                var restore = new CompleteRestore(MigrationCatalog.Embedded, context.Clock, progress);
                var plan = await restore.PlanAsync(live, request, cancellationToken);
                if (plan.ReplacesLive)
                {
                    await Confirmation.RequireAsync(context, parseResult.GetValue(yes), Warning(plan, live, request), plan.Live, cancellationToken);
                }
                return await restore.ExecuteAsync(live, plan, request, cancellationToken);
            });
            return await RestoreReport.WriteAsync(context, result, parseResult.GetValue(json));
        });
        return command;
    }

    private static string Warning(RestorePlan plan, DatabaseTarget live, RestoreRequest request)
    {
        var source = plan.Manifest is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"a {m.Kind.Text()} backup of {m.CreatedAt:yyyy-MM-dd HH:mm} UTC (schema version {m.SchemaVersion}, {m.Portfolios.Count} portfolios, HK${m.TotalMarketValue:N2})")
            : "a legacy SQL dump (no manifest: it was read through completely)";
        var safety = request.SkipEmergencyBackup ? "WITHOUT an emergency backup" : "after a verified emergency backup";
        return $"This replaces the database {plan.Live} on {live.Display} with {source}, {safety}. The current database is kept as {plan.Live}_pre_restore_… until 'hks restore --cleanup'.";
    }
}
