namespace HkStrategy.Operations.Steps;

/// <summary>A step done: the one line both doors show, and the verified backup taken before it, if any.</summary>
public sealed record StepOutcome(string Message, string? Backup = null)
{
    /// <summary>The backup's file name, as the dashboard shows it (the command line prints the whole path).</summary>
    public string? BackupName => Backup is null ? null : Path.GetFileName(Backup);
}
