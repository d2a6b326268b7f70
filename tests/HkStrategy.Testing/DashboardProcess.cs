using System.Diagnostics;
using System.Text;

namespace HkStrategy.Testing;

/// <summary>The built dashboard running as its own process on a free loopback port, stopped (by its process id) on dispose.</summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DashboardProcess(Process process) => _process = process;

    /// <summary>The dashboard beside the test assembly (its own tests) or in the folder 'dashboard' (beside hks, as the command line's tests have it).</summary>
    private static string Program { get; } = new[] { "HkStrategy.Web.dll", Path.Combine("dashboard", "HkStrategy.Web.dll") }
        .Select(p => Path.Combine(AppContext.BaseDirectory, p)).FirstOrDefault(File.Exists) ?? Path.Combine(AppContext.BaseDirectory, "HkStrategy.Web.dll");

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public static async Task<DashboardProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var dashboard = new DashboardProcess(Process.Start(StartInfo(environment, ["--urls", "http://127.0.0.1:0", .. args]))!);
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }
            lock (dashboard._output)
            {
                dashboard._output.AppendLine(line.Data);
            }
            const string announcement = "HK Strategy dashboard: ";
            if (line.Data.StartsWith(announcement, StringComparison.Ordinal))
            {
                started.TrySetResult(new Uri(line.Data[announcement.Length..].Trim()));
            }
        }
        dashboard._process.OutputDataReceived += Collect;
        dashboard._process.ErrorDataReceived += Collect;
        dashboard._process.BeginOutputReadLine();
        dashboard._process.BeginErrorReadLine();
        var exited = dashboard._process.WaitForExitAsync();
        var first = await Task.WhenAny(started.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
        if (first != started.Task)
        {
            await dashboard.DisposeAsync();
            throw new InvalidOperationException("the dashboard did not start:\n" + dashboard.Output);
        }
        dashboard.Address = await started.Task;
        return dashboard;
    }

    /// <summary>Starts the dashboard expecting it to refuse: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the dashboard started instead of refusing");
        }
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The built dashboard with these arguments, in the tests' home, never redirected by an ambient HKS_DATABASE_URL.</summary>
    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> args)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }
        startInfo.Environment["HKS_HOME"] = TestEnvironment.Home;
        startInfo.Environment.Remove("HKS_DATABASE_URL");
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }
        return startInfo;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
