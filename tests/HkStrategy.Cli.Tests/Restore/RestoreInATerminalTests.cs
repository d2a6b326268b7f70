using System.Diagnostics;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

/// <summary>
/// <c>hks restore</c> in a real terminal (tmux, 110 columns): the confirmation is shown whole with no progress bar drawn
/// over it, and once the result is written no bar is drawn again between its lines.
/// </summary>
public sealed class RestoreInATerminalTests
{
    private const string Bar = "━";

    [TmuxFact]
    public async Task TheConfirmationStandsAlone_AndTheResultIsNotInterleavedWithBars()
    {
        await using var live = await DemoDatabases.SeededAsync();
        var scene = await RestoreScene.CreateAsync(live);
        var backup = await scene.BackupAsync();
        await using var terminal = await Tmux.StartAsync(
            ["env", $"HKS_HOME={scene.Home}", "COLUMNS=", "TERM=xterm-256color", "dotnet", Path.Combine(AppContext.BaseDirectory, "hks.dll"),
             "restore", backup, "--database", live.Target.ConnectionString]);

        var asked = await terminal.WaitForAsync(screen => screen.Contains("to go on:", StringComparison.Ordinal));
        var prompt = asked.Split('\n').Select(l => l.TrimEnd()).Last(l => l.Length > 0);
        await terminal.TypeAsync(live.Target.DatabaseName);
        var done = await terminal.WaitForAsync(screen => screen.Contains("EXIT=", StringComparison.Ordinal));

        Assert.Matches("^Type '[a-z0-9_]+' to go on:$", prompt);
        Assert.Contains("This replaces the database", asked, StringComparison.Ordinal);
        Assert.DoesNotContain(asked.Split('\n').SkipWhile(l => !l.Contains("This replaces", StringComparison.Ordinal)), l => l.Contains(Bar, StringComparison.Ordinal));
        Assert.Contains("EXIT=0", done, StringComparison.Ordinal);
        var afterAnswer = done.Split('\n').SkipWhile(l => !l.StartsWith("Type '", StringComparison.Ordinal)).ToList();
        var result = afterAnswer.SkipWhile(l => !l.StartsWith("writes were refused", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(result);
        Assert.DoesNotContain(result, l => l.Contains(Bar, StringComparison.Ordinal));
        Assert.Contains(result, l => l.StartsWith("restored into ", StringComparison.Ordinal));
    }

    /// <summary>A test that needs tmux: skipped, saying why, where it is not installed.</summary>
    private sealed class TmuxFactAttribute : FactAttribute
    {
        public TmuxFactAttribute()
        {
            if (!Tmux.Available)
            {
                Skip = "tmux is not installed (.ci/run installs it)";
            }
        }
    }

    /// <summary>One tmux session running one command, read through capture-pane.</summary>
    private sealed class Tmux : IAsyncDisposable
    {
        private readonly string _session = $"hks-test-{Guid.NewGuid():N}";

        public static bool Available { get; } = File.Exists("/usr/bin/tmux") || File.Exists("/usr/local/bin/tmux");

        public static async Task<Tmux> StartAsync(string[] command)
        {
            var tmux = new Tmux();
            var script = Path.Combine(Path.GetTempPath(), tmux._session + ".sh");
            await File.WriteAllTextAsync(script, "#!/bin/sh\n" + string.Join(' ', command.Select(Quote)) + "\necho EXIT=$?\nsleep 600\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await RunAsync("new-session", "-d", "-s", tmux._session, "-x", "110", "-y", "50", script);
            return tmux;
        }

        public async Task<string> WaitForAsync(Func<string, bool> ready)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var screen = await RunAsync("capture-pane", "-p", "-J", "-S", "-500", "-t", _session);
                if (ready(screen))
                {
                    return screen;
                }
                if (clock.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException("the terminal never showed what was awaited:\n" + screen);
                }
                await Task.Delay(200);
            }
        }

        public Task TypeAsync(string text) => RunAsync("send-keys", "-t", _session, text, "Enter");

        public async ValueTask DisposeAsync()
        {
            await RunAsync("kill-session", "-t", _session);
            File.Delete(Path.Combine(Path.GetTempPath(), _session + ".sh"));
        }

        private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static async Task<string> RunAsync(params string[] args)
        {
            var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
    }
}
