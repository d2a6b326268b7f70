using System.Collections.Concurrent;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Progress;

namespace HkStrategy.Web.Jobs;

/// <summary>
/// Runs the dashboard's long operations one at a time in the background (two restores at once would race for the
/// same database), keeps their progress for the pages that poll it, and, when the dashboard stops, cancels the
/// running one and waits for it to clean up (a restore drops its scratch database) before the process ends.
/// </summary>
public sealed partial class OperationJobs(TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<OperationJobs> logger) : IHostedService
{
    private const int Kept = 50;
    private readonly ConcurrentDictionary<string, OperationJob> _jobs = new(StringComparer.Ordinal);
    private int _busy;
    private OperationJob? _running;
    private Task _work = Task.CompletedTask;

    public OperationJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<OperationJob> Recent => [.. _jobs.Values.OrderByDescending(j => j.StartedAt)];

    /// <summary>Starts <paramref name="work"/>, or refuses while another operation runs.</summary>
    public OperationJob Start(string title, Func<IProgress<OperationProgress>, CancellationToken, Task<JobOutcome>> work) =>
        Start(title, null, (_, progress, cancellationToken) => work(progress, cancellationToken));

    /// <summary>Starts <paramref name="work"/>, which sees its own job (its id, its subject), or refuses while another operation runs.</summary>
    public OperationJob Start(string title, string? subject, Func<OperationJob, IProgress<OperationProgress>, CancellationToken, Task<JobOutcome>> work)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            throw HksException.Refused("OperationRunning", $"'{_running?.Title}' is still running: wait for it to finish");
        }
        var job = new OperationJob(Guid.NewGuid().ToString("N")[..12], title, clock.GetUtcNow(), subject);
        _running = job;
        _jobs[job.Id] = job;
        Forget();
        _work = Task.Run(async () =>
        {
            try
            {
                LogStarted(logger, title);
                job.Succeed(await work(job, new Progress(job), lifetime.ApplicationStopping));
                LogFinished(logger, title);
            }
            catch (HksException failure)
            {
                job.Fail($"{failure.Message} [{failure.Name}]");
                LogRefused(logger, title, failure.Message);
            }
            catch (OperationCanceledException)
            {
                job.Fail("cancelled: the dashboard is stopping");
            }
#pragma warning disable CA1031 // a background operation's failure is reported on its page, never lost
            catch (Exception failure)
#pragma warning restore CA1031
            {
                job.Fail("the operation failed unexpectedly; the dashboard's log has the details");
                LogFailed(logger, failure, title);
            }
            finally
            {
                Volatile.Write(ref _busy, 0);
            }
        });
        return job;
    }

    private void Forget()
    {
        foreach (var old in _jobs.Values.Where(j => j.State != JobState.Running).OrderByDescending(j => j.StartedAt).Skip(Kept))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The running operation sees ApplicationStopping; this waits for it (as long as the host allows).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _work.WaitAsync(cancellationToken);

    private sealed class Progress(OperationJob job) : IProgress<OperationProgress>
    {
        public void Report(OperationProgress value) => job.Report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Title}: started")]
    private static partial void LogStarted(ILogger logger, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Title}: finished")]
    private static partial void LogFinished(ILogger logger, string title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Title}: refused: {Message}")]
    private static partial void LogRefused(ILogger logger, string title, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Title}: failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string title);
}
