using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Embedded;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Restore;

namespace HkStrategy.Cli.Commands.Backup.Prune;

/// <summary><c>hks backup prune</c>: keeps the newest backup per day, week and month; deletes the rest after confirmation.</summary>
public static class PruneCommand
{
    public static Command Create(CliContext context)
    {
        var daily = new Option<int>("--keep-daily") { Description = "Days to keep a backup of", DefaultValueFactory = _ => 7 };
        var weekly = new Option<int>("--keep-weekly") { Description = "Weeks to keep a backup of", DefaultValueFactory = _ => 4 };
        var monthly = new Option<int>("--keep-monthly") { Description = "Months to keep a backup of", DefaultValueFactory = _ => 12 };
        var dryRun = CommonOptions.DryRun();
        var yes = CommonOptions.Yes();
        var folder = BackupCommand.Folder();
        var json = CommonOptions.Json();
        var command = new Command("prune", "Delete backups outside the retention policy") { daily, weekly, monthly, dryRun, yes, folder, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var home = context.Settings.Home.Root;
            var referenced = RestoreJournal.ReadAll(home).Where(j => !j.IsFinished)
                .SelectMany(j => new[] { j.Archive, j.EmergencyBackup }).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var decisions = BackupRetention.Decide(await BackupCatalog.ListAsync(BackupCommand.FolderOrDefault(context, parseResult.GetValue(folder)), cancellationToken),
                new RetentionPolicy(parseResult.GetValue(daily), parseResult.GetValue(weekly), parseResult.GetValue(monthly)), referenced);
            var doomed = decisions.Where(d => !d.Keep).ToList();
            if (!parseResult.GetValue(dryRun) && doomed.Count > 0)
            {
                await Confirmation.RequireAsync(context, parseResult.GetValue(yes),
                    $"This deletes {doomed.Count} backup(s): {string.Join(", ", doomed.Select(d => d.Entry.File))}", "delete", cancellationToken);
                foreach (var decision in doomed)
                {
                    foreach (var file in new[] { decision.Entry.Path, BackupNames.ManifestPath(decision.Entry.Path), BackupNames.VerificationPath(decision.Entry.Path) })
                    {
                        File.Delete(file);
                    }
                }
            }
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, [.. decisions.Select(d => new PruneDecisionJson(d.Entry.File, d.Keep, d.Reason, !d.Keep && !parseResult.GetValue(dryRun)))], CommandJson.Types.IReadOnlyListPruneDecisionJson);
            }
            else
            {
                foreach (var decision in decisions)
                {
                    await context.Out.WriteLineAsync($"{(decision.Keep ? "keep  " : parseResult.GetValue(dryRun) ? "would delete" : "deleted")} {decision.Entry.File} ({decision.Reason})");
                }
            }
            return 0;
        });
        return command;
    }
}

/// <summary>What pruning decided for one backup, and whether it was deleted.</summary>
internal sealed record PruneDecisionJson(string File, bool Keep, string Reason, bool Deleted);
