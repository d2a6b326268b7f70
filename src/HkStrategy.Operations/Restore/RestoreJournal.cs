using System.Text.Json;
using HkStrategy.Operations.Backup;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.Files;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// A restore in progress, written before each phase to <c>$HKS_HOME/restores/ID.json</c>: what the next run needs to
/// finish or undo it after a kill, and what backup pruning must not delete.
/// </summary>
public sealed record RestoreJournal
{
    public required string Id { get; init; }
    public required string Server { get; init; }
    public required string TargetDatabase { get; init; }
    public required string Archive { get; init; }
    public string? EmergencyBackup { get; init; }
    public string? ScratchDatabase { get; init; }
    public string? PreRestoreDatabase { get; init; }

    /// <summary>hks made the live database read-only before the emergency backup; it must be made writable again unless it became the pre-restore copy.</summary>
    public bool FrozeLive { get; init; }

    public DateTimeOffset? WritesRefusedFrom { get; init; }

    public DateTimeOffset? WritesRefusedUntil { get; init; }
    public required string Phase { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public bool IsFinished => Phase is Phases.Done or Phases.Abandoned;

    /// <summary>The hks process that writes this journal is alive (its id ends the journal's): its restore is not to be recovered.</summary>
    public bool IsRunning =>
        int.TryParse(Id[(Id.LastIndexOf('_') + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
        && pid != Environment.ProcessId && ProcessIds.IsAlive(pid);

    public static class Phases
    {
        public const string Verifying = "verifying";
        public const string EmergencyBackup = "emergency-backup";
        public const string Restoring = "restoring";
        public const string Switching = "switching";
        public const string Checking = "checking";
        public const string Done = "done";
        public const string Abandoned = "abandoned";
    }

    public static string Folder(string home) => Path.Combine(home, "restores");

    public Task SaveAsync(string home, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder(home), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return AtomicFile.WriteAllTextAsync(Path.Combine(Folder(home), Id + ".json"), JsonSerializer.Serialize(this, RestoreJson.Default.RestoreJournal), cancellationToken);
    }

    public static IReadOnlyList<RestoreJournal> ReadAll(string home)
    {
        if (!Directory.Exists(Folder(home)))
        {
            return [];
        }
        var journals = new List<RestoreJournal>();
        foreach (var file in Directory.GetFiles(Folder(home), "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize(File.ReadAllText(file), RestoreJson.Default.RestoreJournal) is { } journal)
                {
                    journals.Add(journal);
                }
            }
            catch (JsonException)
            {
                // A journal is written atomically; an unreadable one is not ours.
            }
        }
        return journals;
    }
}
