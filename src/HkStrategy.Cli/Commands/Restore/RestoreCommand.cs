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
public sealed class RestoreCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string?> _file = new Argument<string?>("file") { Description = "The backup (a path, or a name in the backup folder)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _yes = CommonOptions.Yes();
    private readonly Option<bool> _noEmergency = new Option<bool>("--no-emergency-backup") { Description = "Skip the verified backup of the current database (not recommended)" };
    private readonly Option<string?> _targetDb = new Option<string?>("--target-db") { Description = "Restore into this new database beside the live one" };
    private readonly Option<bool> _noMigrate = new Option<bool>("--no-migrate") { Description = "Keep a legacy dump at the schema it came with" };
    private readonly Option<bool> _acceptLoss = new Option<bool>("--accept-loss") { Description = "Let a dump without a manifest replace the live database with fewer portfolios, positions or value (for scripts; --yes alone never does)" };
    private readonly Option<bool> _cleanup = new Option<bool>("--cleanup") { Description = "Drop the pre-restore databases earlier restores kept" };
    private readonly Option<string?> _portfolio = new Option<string?>("--portfolio") { Description = "Restore only this portfolio (metadata, positions, signals, prices, analyses)" };
    private readonly Option<string> _mode = new Option<string>("--mode") { Description = "With --portfolio: replace, merge or missing-only", DefaultValueFactory = _ => "replace" };
    private readonly Option<bool> _dryRun = CommonOptions.DryRun();
    private readonly Option<bool> _metadata = new Option<bool>("--portfolios-metadata") { Description = "Re-create portfolio rows missing from the live database; never overwrite" };
    private readonly Option<bool> _recover = new Option<bool>("--recover") { Description = "Finish or undo interrupted restores and remove their leftovers (every restore does this first)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("restore", "Restore a backup so that nothing can be lost") { _file, _yes, _noEmergency, _targetDb, _noMigrate, _acceptLoss, _cleanup, _recover, _portfolio, _mode, _dryRun, _metadata, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var live = await DatabaseSession.ResolveAsync(Context, parseResult, cancellationToken);
        var home = Context.Settings.Home;
        if (parseResult.GetValue(_recover))
        {
            foreach (var action in await RestoreRecovery.RecoverAsync(new ServerDatabases(live), home.Root, home.Backups, Context.Clock, cancellationToken))
            {
                await Context.Out.WriteLineAsync(action);
            }
            await Context.Out.WriteLineAsync("recovery finished: nothing is left over from interrupted restores");
            return 0;
        }
        if (parseResult.GetValue(_cleanup))
        {
            return await RestoreCleanup.RunAsync(Context, live, parseResult.GetValue(_yes), cancellationToken);
        }
        var archive = BackupCatalog.Resolve(
            parseResult.GetValue(_file) ?? throw HksException.Usage("BackupRequired", "say which backup to restore: hks restore FILE"), home.Backups);
        if (parseResult.GetValue(_portfolio) is { } portfolioId)
        {
            return await SelectiveRestore.PortfolioAsync(Context, live, archive, portfolioId, PortfolioRestore.ParseMode(parseResult.GetValue(_mode)!),
                parseResult.GetValue(_dryRun), parseResult.GetValue(_yes), parseResult.GetValue(_json), cancellationToken);
        }
        if (parseResult.GetValue(_metadata))
        {
            return await SelectiveRestore.MetadataAsync(Context, live, archive, parseResult.GetValue(_json), cancellationToken);
        }
        if (parseResult.GetValue(_dryRun))
        {
            throw HksException.Usage("DryRunNeedsPortfolio", "--dry-run previews a selective restore: add --portfolio ID (a complete restore is previewed by its confirmation)");
        }
        var request = new RestoreRequest(archive, home.Root, home.Backups)
        {
            TargetDatabase = parseResult.GetValue(_targetDb),
            SkipEmergencyBackup = parseResult.GetValue(_noEmergency),
            NoMigrate = parseResult.GetValue(_noMigrate),
            AcceptLoss = parseResult.GetValue(_acceptLoss),
            ConfirmLoss = (loss, token) => Confirmation.RequireAsync(Context, yes: false,
                $"The dump holds less than the live database: {loss.Describe()}. It has no manifest saying this is intended.", loss.Confirmation, token,
                hint: "pass --accept-loss to accept it in a script"),
        };
        // The questions stop the progress display while they are asked; the report is written after it has ended.
        var result = await ProgressView.RunAsync(Context, async progress =>
        {
            var restore = new CompleteRestore(MigrationCatalog.Embedded, Context.Clock, progress);
            var plan = await restore.PlanAsync(live, request, cancellationToken);
            if (plan.ReplacesLive)
            {
                await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes), Warning(plan, live, request), plan.Live, cancellationToken);
            }
            return await restore.ExecuteAsync(live, plan, request, cancellationToken);
        });
        return await RestoreReport.WriteAsync(Context, result, parseResult.GetValue(_json));
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
