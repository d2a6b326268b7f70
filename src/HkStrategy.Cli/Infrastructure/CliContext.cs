using Spectre.Console;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>Everything a command talks to besides the database: injected so commands run the same in tests.</summary>
public sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, TextReader In, TimeProvider Clock)
{
    /// <summary>Where progress bars go: stderr, so stdout holds only results (and JSON).</summary>
    public IAnsiConsole ErrorConsole { get; init; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });

    public static CliContext ForProcess()
    {
        var console = AnsiConsole.Console;
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns is >= 40 and <= 1000)
        {
            console.Profile.Width = columns; // the width the user or the shell says
        }
        else if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 200; // tables in files and pipes are read whole, not wrapped at 80 columns
        }
        return new(console, System.Console.Out, System.Console.Error, System.Console.In, TimeProvider.System);
    }
}
