using HkStrategy.Data.Embedded;
using HkStrategy.Data.Settings;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Faults;
using Spectre.Console;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>
/// Everything a command talks to besides the database: the settings read once at start, the console, the clock.
/// Injected, so commands run the same in tests, in process.
/// </summary>
public sealed record CliContext(HksSettings Settings, IAnsiConsole Console, TextWriter Out, TextWriter Error, TextReader In, TimeProvider Clock)
{
    private IAnsiConsole? _errorConsole;

    /// <summary>Where progress bars go: stderr, so stdout holds only results (and JSON). Made when first needed: most commands never draw one.</summary>
    public IAnsiConsole ErrorConsole
    {
        get => _errorConsole ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        init => _errorConsole = value;
    }

    /// <summary>The process's standard output as bytes, for output too large to pass through <see cref="Out"/> as text (a command's JSON); none in tests.</summary>
    public Stream? StandardOutput { get; init; }

    /// <summary>The verified backup taken before every destructive step, into <c>$HKS_HOME/backups</c>.</summary>
    public SafetyBackup SafetyBackup => new(Settings.Home.Backups, Clock);

    /// <summary>The one place the command line reads its environment: settings, terminal width, fault points.</summary>
    public static CliContext ForProcess()
    {
        var settings = HksSettingsReader.FromEnvironment().ApplyToProcess();
        FaultPoint.Arm(settings.KillAt);
        var console = AnsiConsole.Console;
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns is >= 40 and <= 1000)
        {
            console.Profile.Width = columns; // the width the user or the shell says
        }
        else if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 200; // tables in files and pipes are read whole, not wrapped at 80 columns
        }
        return new(settings, console, System.Console.Out, System.Console.Error, System.Console.In, TimeProvider.System)
        {
            StandardOutput = System.Console.OpenStandardOutput(),
        };
    }
}
