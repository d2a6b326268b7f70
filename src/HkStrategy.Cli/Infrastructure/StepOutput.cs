using HkStrategy.Operations.Steps;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>A step's outcome as the command line prints it: the line both doors show, then where its backup is.</summary>
public static class StepOutput
{
    public static async Task WriteAsync(CliContext context, StepOutcome outcome)
    {
        await context.Out.WriteLineAsync(outcome.Message);
        if (outcome.Backup is { } backup)
        {
            await context.Out.WriteLineAsync($"backup (verified): {backup}");
        }
    }
}
