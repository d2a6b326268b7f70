using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Progress;
using Spectre.Console;

namespace HkStrategy.Cli.Rendering;

/// <summary>
/// Progress bars with rates and ETA on stderr while an operation runs, one per step; nothing when stderr is not a
/// terminal (scripts, tests), so <c>--json</c> on stdout stays clean. The bars are drawn only while work runs: a
/// question asked on the way (<see cref="PausedAsync"/>) stops the display first, so the question is shown whole and
/// alone, and the display starts again after the answer; when it ends it is cleared, and the result is written in its place.
/// </summary>
public static class ProgressView
{
    private static readonly AsyncLocal<LiveSteps?> Current = new();

    public static async Task<T> RunAsync<T>(CliContext context, Func<IProgress<OperationProgress>?, Task<T>> operation)
    {
        if (!context.ErrorConsole.Profile.Capabilities.Interactive)
        {
            return await operation(null);
        }
        var steps = new LiveSteps(context.ErrorConsole);
        Current.Value = steps;
        try
        {
            await steps.StartAsync();
            return await operation(steps);
        }
        finally
        {
            Current.Value = null;
            await steps.StopAsync();
        }
    }

    /// <summary>Runs <paramref name="question"/> with any progress display of this flow stopped, then starts it again.</summary>
    public static async Task PausedAsync(Func<Task> question)
    {
        if (Current.Value is not { } steps)
        {
            await question();
            return;
        }
        await steps.StopAsync();
        try
        {
            await question();
        }
        finally
        {
            await steps.StartAsync();
        }
    }

    /// <summary>The steps reported, shown by a Spectre progress display that can be stopped and started again.</summary>
    private sealed class LiveSteps(IAnsiConsole console) : IProgress<OperationProgress>
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Units = new();
        private readonly Lock _gate = new();
        private ProgressContext? _context;
        private TaskCompletionSource? _stop;
        private Task? _display;
        private ProgressTask? _current;
        private OperationProgress? _last;

        public async Task StartAsync()
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stop = _stop.Task;
            _display = console.Progress()
                .AutoClear(true) // drawn only while work runs: what it did is said by the result written after it
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(id => Units.GetValueOrDefault(id, "items")), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    lock (_gate)
                    {
                        _context = context;
                        if (_last is { Finished: false } last)
                        {
                            Show(last); // the step that was running when the display stopped
                        }
                    }
                    started.SetResult();
                    await stop;
                    lock (_gate)
                    {
                        Finish();
                        _context = null;
                        _current = null;
                    }
                });
            await started.Task;
        }

        public async Task StopAsync()
        {
            _stop?.TrySetResult();
            if (_display is { } display)
            {
                await display;
            }
            _display = null;
        }

        public void Report(OperationProgress value)
        {
            lock (_gate)
            {
                _last = value;
                if (_context is not null)
                {
                    Show(value);
                }
            }
        }

        private void Show(OperationProgress value)
        {
            if (_current is null || _current.Description != value.Step)
            {
                Finish();
                if (value.Finished)
                {
                    return;
                }
                _current = _context!.AddTask(value.Step, maxValue: value.Total ?? 1);
                Units[_current.Id] = value.Unit;
                _current.IsIndeterminate = value.Total is null;
            }
            if (value.Total is { } total)
            {
                Units[_current.Id] = value.Unit;
                _current.IsIndeterminate = false;
                _current.MaxValue = Math.Max(total, value.Done);
                _current.Value = value.Done;
            }
        }

        private void Finish()
        {
            if (_current is not null)
            {
                _current.IsIndeterminate = false;
                _current.Value = _current.MaxValue;
                _current.StopTask();
                _current = null;
            }
        }
    }
}
