using HkStrategy.Operations.Progress;

namespace HkStrategy.Web.Jobs;

public enum JobState { Running, Succeeded, Failed }

/// <summary>What a finished operation says: a summary line, details, and where to go next.</summary>
public sealed record JobOutcome(string Summary, IReadOnlyList<string> Details, string? NextLink = null, string? NextText = null);

/// <summary>A long operation (backup, verify, drill, restore) running in the background, as its progress page shows it.</summary>
public sealed class OperationJob(string id, string title, DateTimeOffset startedAt, string? subject = null)
{
    private readonly Lock _gate = new();
    private readonly List<string> _steps = [];

    public string Id => id;

    public string Title => title;

    public DateTimeOffset StartedAt => startedAt;

    /// <summary>What the operation was about, for a later step that must act on exactly that (a previewed restore).</summary>
    public string? Subject => subject;

    public JobState State { get; private set; } = JobState.Running;

    public OperationProgress? Current { get; private set; }

    public JobOutcome? Outcome { get; private set; }

    public string? Failure { get; private set; }

    public IReadOnlyList<string> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    public double? Fraction => Current is { Total: > 0 } p ? Math.Clamp((double)p.Done / p.Total.Value, 0, 1) : null;

    internal void Report(OperationProgress progress)
    {
        lock (_gate)
        {
            if (Current?.Step != progress.Step)
            {
                _steps.Add(progress.Step);
            }
            Current = progress;
        }
    }

    internal void Succeed(JobOutcome outcome)
    {
        Outcome = outcome;
        State = JobState.Succeeded;
    }

    internal void Fail(string message)
    {
        Failure = message;
        State = JobState.Failed;
    }
}
