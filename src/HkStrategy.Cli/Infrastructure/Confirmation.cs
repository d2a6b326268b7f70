using HkStrategy.Core.Failures;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>The typed confirmation every destructive command asks for: the user types the name of what changes.</summary>
public static class Confirmation
{
    public static Task RequireAsync(CliContext context, bool yes, HkStrategy.Operations.Steps.Consent consent, CancellationToken cancellationToken) =>
        RequireAsync(context, yes, consent.Question, consent.TypeToConfirm, cancellationToken);

    public static async Task RequireAsync(CliContext context, bool yes, string warning, string expected, CancellationToken cancellationToken,
        string hint = "pass --yes to skip the question")
    {
        if (yes)
        {
            return;
        }
        await Rendering.ProgressView.PausedAsync(() => AskAsync(context, warning, expected, hint, cancellationToken));
    }

    private static async Task AskAsync(CliContext context, string warning, string expected, string hint, CancellationToken cancellationToken)
    {
        await context.Error.WriteLineAsync(warning);
        await context.Error.WriteAsync($"Type '{expected}' to go on: ");
        await context.Error.FlushAsync(cancellationToken);
        var answer = await context.In.ReadLineAsync(cancellationToken);
        if (answer is null)
        {
            await context.Error.WriteLineAsync();
            throw HksException.Refused("ConfirmationRequired", $"no confirmation was typed (input closed): nothing was changed; {hint}");
        }
        if (!string.Equals(answer.Trim(), expected, StringComparison.Ordinal))
        {
            throw HksException.Cancelled($"'{answer.Trim()}' is not '{expected}': nothing was changed");
        }
    }
}
