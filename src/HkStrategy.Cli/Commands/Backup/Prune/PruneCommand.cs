using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Embedded;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Restore;

namespace HkStrategy.Cli.Commands.Backup.Prune;

/// <summary><c>hks backup prune</c>: keeps the newest backup per day, week and month; deletes the rest after confirmation.</summary>
public sealed class PruneCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<int> _daily = new Option<int>("--keep-daily") { Description = "Days to keep a backup of", DefaultValueFactory = _ => 7 };
    private readonly Option<int> _weekly = new Option<int>("--keep-weekly") { Description = "Weeks to keep a backup of", DefaultValueFactory = _ => 4 };
    private readonly Option<int> _monthly = new Option<int>("--keep-monthly") { Description = "Months to keep a backup of", DefaultValueFactory = _ => 12 };
    private readonly Option<bool> _dryRun = CommonOptions.DryRun();
    private readonly Option<bool> _yes = CommonOptions.Yes();
    private readonly Option<string?> _folder = BackupCommand.Folder();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("prune", "Delete backups outside the retention policy") { _daily, _weekly, _monthly, _dryRun, _yes, _folder, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var home = Context.Settings.Home.Root;
        var referenced = RestoreJournal.ReadAll(home).Where(j => !j.IsFinished)
            .SelectMany(j => new[] { j.Archive, j.EmergencyBackup }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var decisions = BackupRetention.Decide(await BackupCatalog.ListAsync(BackupCommand.FolderOrDefault(Context, parseResult.GetValue(_folder)), cancellationToken),
            new RetentionPolicy(parseResult.GetValue(_daily), parseResult.GetValue(_weekly), parseResult.GetValue(_monthly)), referenced);
        var doomed = decisions.Where(d => !d.Keep).ToList();
        if (!parseResult.GetValue(_dryRun) && doomed.Count > 0)
        {
            await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes),
                $"This deletes {doomed.Count} backup(s): {string.Join(", ", doomed.Select(d => d.Entry.File))}", "delete", cancellationToken);
            foreach (var decision in doomed)
            {
                foreach (var file in new[] { decision.Entry.Path, BackupNames.ManifestPath(decision.Entry.Path), BackupNames.VerificationPath(decision.Entry.Path) })
                {
                    File.Delete(file);
                }
            }
        }
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, [.. decisions.Select(d => new PruneDecisionJson(d.Entry.File, d.Keep, d.Reason, !d.Keep && !parseResult.GetValue(_dryRun)))], CommandJson.Types.IReadOnlyListPruneDecisionJson);
        }
        else
        {
            foreach (var decision in decisions)
            {
                await Context.Out.WriteLineAsync($"{(decision.Keep ? "keep  " : parseResult.GetValue(_dryRun) ? "would delete" : "deleted")} {decision.Entry.File} ({decision.Reason})");
            }
        }
        return 0;
    }
}

/// <summary>What pruning decided for one backup, and whether it was deleted.</summary>
internal sealed record PruneDecisionJson(string File, bool Keep, string Reason, bool Deleted);
