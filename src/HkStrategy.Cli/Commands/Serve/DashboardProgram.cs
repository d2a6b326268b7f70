using System.Diagnostics;
using System.Runtime.InteropServices;
using HkStrategy.Core.Failures;

namespace HkStrategy.Cli.Commands.Serve;

/// <summary>
/// The dashboard is a program of its own (HkStrategy.Web, built into the folder <c>dashboard</c> beside hks, with its
/// own dependencies): <c>hks serve</c> starts it on the same
/// terminal and environment, passes on an interruption and returns its exit code. The command line thereby never
/// loads ASP.NET Core or the dashboard's pages.
/// </summary>
internal static partial class DashboardProgram
{
    public static string Assembly { get; } = Path.Combine("dashboard", "HkStrategy.Web.dll");

    private static readonly TimeSpan GraceOnInterrupt = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var dashboard = Process.Start(StartInfo(arguments))
            ?? throw HksException.Environment("DashboardNotStarted", "the dashboard program could not be started");
        try
        {
            await dashboard.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C reached the dashboard too (one terminal); a SIGTERM to hks alone is passed on. Either way it stops by itself.
            _ = Kill(dashboard.Id, Terminate);
            using var grace = new CancellationTokenSource(GraceOnInterrupt);
            try
            {
                await dashboard.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                dashboard.Kill(entireProcessTree: true);
            }
            throw;
        }
        return dashboard.ExitCode;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> arguments)
    {
        var program = Path.Combine(AppContext.BaseDirectory, Assembly);
        if (!File.Exists(program))
        {
            throw HksException.Environment("DashboardMissing",
                $"the dashboard program is not beside hks ({program}): build it with 'dotnet build src/HkStrategy.Web', or run it with 'dotnet run --project src/HkStrategy.Web'");
        }
        // hks runs as 'dotnet hks.dll' (the launcher) or as its own executable; the dashboard runs under the same .NET.
        var host = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        var startInfo = new ProcessStartInfo(host) { UseShellExecute = false };
        startInfo.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        return startInfo;
    }

    private const int Terminate = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
