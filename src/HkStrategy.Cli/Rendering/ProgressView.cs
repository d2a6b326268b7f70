using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Progress;
using Spectre.Console;

namespace HkStrategy.Cli.Rendering;

/// <summary>
/// Progress bars with rates and ETA on stderr while an operation runs, one per step; nothing when stderr is not a
/// terminal (scripts, tests), so <c>--json</c> on stdout stays clean.
/// </summary>
public static class ProgressView
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Units = new();

    public static async Task<T> RunAsync<T>(CliContext context, Func<IProgress<OperationProgress>?, Task<T>> operation)
    {
        if (!context.ErrorConsole.Profile.Capabilities.Interactive)
        {
            return await operation(null);
        }
        return await context.ErrorConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(id => Units.GetValueOrDefault(id, "items")), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async spectre => await operation(new Steps(spectre)));
    }

    private sealed class Steps(ProgressContext spectre) : IProgress<OperationProgress>
    {
        private readonly Lock _gate = new();
        private ProgressTask? _current;

        public void Report(OperationProgress value)
        {
            lock (_gate)
            {
                if (_current is null || _current.Description != value.Step)
                {
                    Finish();
                    if (value.Finished)
                    {
                        return;
                    }
                    _current = spectre.AddTask(value.Step, maxValue: value.Total ?? 1);
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
        }

        private void Finish()
        {
            if (_current is not null)
            {
                _current.IsIndeterminate = false;
                _current.Value = _current.MaxValue;
                _current.StopTask();
            }
        }
    }
}
