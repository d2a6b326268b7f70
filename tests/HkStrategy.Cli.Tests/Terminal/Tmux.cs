using System.Diagnostics;

namespace HkStrategy.Cli.Tests.Terminal;

/// <summary>A test that needs tmux: skipped, saying why, where it is not installed.</summary>
internal sealed class TmuxFactAttribute : FactAttribute
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
internal sealed class Tmux : IAsyncDisposable
{
    private readonly string _session = $"hks-test-{Guid.NewGuid():N}";

    public static bool Available { get; } = File.Exists("/usr/bin/tmux") || File.Exists("/usr/local/bin/tmux");

    /// <summary>hks as a person starts it in that terminal: its own home, the terminal's width, colours, this database.</summary>
    public static Task<Tmux> StartHksAsync(string home, string database, params string[] args) =>
        StartAsync(["env", $"HKS_HOME={home}", "COLUMNS=", "TERM=xterm-256color", "dotnet", Path.Combine(AppContext.BaseDirectory, "hks.dll"),
            .. args, "--database", database]);

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
