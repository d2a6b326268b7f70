using Spectre.Console;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>Everything a command talks to besides the database: injected so commands run the same in tests.</summary>
public sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, TextReader In, TimeProvider Clock)
{
    public static CliContext ForProcess() =>
        new(AnsiConsole.Console, System.Console.Out, System.Console.Error, System.Console.In, TimeProvider.System);
}
