using System.CommandLine;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>
/// One <c>hks</c> command: its arguments and options as fields, its place in the tree (<see cref="Create"/>) and its
/// work (<see cref="RunAsync"/>), which <see cref="CommandRunner"/> runs so that every failure is one line and an exit
/// code. Tests run it in process through the whole tree (<c>HksInProcess</c>), as the program parses it.
/// </summary>
public abstract class HksCommand(CliContext context)
{
    protected CliContext Context { get; } = context;

    /// <summary>The command with its arguments and options, its action this command's <see cref="RunAsync"/>.</summary>
    public Command Create()
    {
        var command = Define();
        command.SetHandler(Context, RunAsync);
        return command;
    }

    /// <summary>The command's name, description, arguments and options.</summary>
    protected abstract Command Define();

    /// <summary>The command's work on the parsed line: its exit code.</summary>
    protected abstract Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken);
}
