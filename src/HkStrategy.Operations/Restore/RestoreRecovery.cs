using HkStrategy.Operations.Files;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.Legacy;
using HkStrategy.Operations.Databases;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// Finds what interrupted restores, drills and backups left and puts it right: scratch databases dropped, unfinished files (*.partial, *.tmp) removed, journals closed. An archive
/// without a manifest is never deleted here: it may be the user's own; <c>backup list</c> shows it as unfinished.
/// </summary>
public static class RestoreRecovery
{
    public static async Task<IReadOnlyList<string>> RecoverAsync(ServerDatabases databases, string home, string backupFolder, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actions = new List<string>();
        foreach (var journal in RestoreJournal.ReadAll(home).Where(j => !j.IsFinished && j.Server == databases.Target.Display && !j.IsRunning))
        {
            var phase = RestoreJournal.Phases.Abandoned;
            if (journal.Phase == RestoreJournal.Phases.Checking
                || (journal.Phase == RestoreJournal.Phases.Switching && journal.PreRestoreDatabase is { } pre && await databases.ExistsAsync(pre, cancellationToken)))
            {
                phase = RestoreJournal.Phases.Done; // the renames committed: the restore is complete
                actions.Add($"restore {journal.Id}: the switch had committed; {journal.TargetDatabase} is the restored database, {journal.PreRestoreDatabase ?? "nothing"} the old one");
            }
            else
            {
                if (journal.ScratchDatabase is { } scratch && await databases.ExistsAsync(scratch, cancellationToken))
                {
                    await databases.DropAsync(scratch, cancellationToken);
                }
                actions.Add($"restore {journal.Id} was interrupted before its switch: {journal.TargetDatabase} is as it was; its scratch database was dropped");
            }
            if (journal.FrozeLive)
            {
                await WriteFreeze.ThawAsync(databases, journal.TargetDatabase, cancellationToken);
                actions.Add($"{journal.TargetDatabase} accepts writes again");
            }
            await (journal with { Phase = phase, UpdatedAt = clock.GetUtcNow() }).SaveAsync(home, cancellationToken);
        }
        foreach (var scratch in await databases.AbandonedScratchAsync(cancellationToken))
        {
            await databases.DropAsync(scratch, cancellationToken);
            actions.Add($"dropped the abandoned scratch database {scratch}");
        }
        await using (var maintenance = await databases.OpenMaintenanceAsync(cancellationToken))
        {
            foreach (var role in await RestrictedLoader.DropAbandonedAsync(maintenance, cancellationToken))
            {
                actions.Add($"dropped the role {role} of an interrupted load");
            }
        }
        if (Directory.Exists(backupFolder))
        {
            foreach (var partial in Directory.GetFiles(backupFolder, "*.partial").Concat(Directory.GetFiles(backupFolder, "*.tmp")).Where(AtomicFile.IsAbandoned))
            {
                File.Delete(partial);
                actions.Add($"removed the unfinished file {Path.GetFileName(partial)}");
            }
        }
        return actions;
    }
}
