namespace HkStrategy.Operations.Progress;

/// <summary>Reports the size of a file being written by another program (pg_dump) a few times a second.</summary>
public sealed class FileGrowthReporter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FileGrowthReporter(string path, string step, long? expected, IProgress<OperationProgress>? progress)
    {
        _loop = progress is null ? Task.CompletedTask : Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    var size = File.Exists(path) ? new FileInfo(path).Length : 0;
                    progress.Report(new OperationProgress(step, size, expected is { } e ? Math.Max(e, size) : null, Unit: "bytes"));
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: the file is complete.
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
