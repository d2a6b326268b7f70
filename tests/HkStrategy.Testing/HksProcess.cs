using System.Diagnostics;
using System.Text;

namespace HkStrategy.Testing;

/// <summary>What a run of the real <c>hks</c> program printed and returned.</summary>
public sealed record HksRun(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs the built <c>hks</c> program (hks.dll beside the test assembly) as a separate process, with its own
/// environment: exit codes, stderr and concurrency are tested as a user meets them.
/// </summary>
public static class HksProcess
{
    public static Task<HksRun> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? environment = null, string? input = null) =>
        RunProgramAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "hks.dll"), .. args], environment, input, TimeSpan.FromMinutes(3));

    /// <summary>Any program that is hks (the launcher, a native build) with the arguments, in the tests' environment.</summary>
    public static async Task<HksRun> RunProgramAsync(string program, string[] args, IReadOnlyDictionary<string, string?>? environment, string? input, TimeSpan timeLimit)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }
        startInfo.Environment["HKS_HOME"] = TestEnvironment.Home;
        startInfo.Environment.Remove("HKS_DATABASE_URL");
        startInfo.Environment["NO_COLOR"] = "1";
        startInfo.Environment["COLUMNS"] = "200";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[key] = value;
        }
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(timeLimit);
        await process.WaitForExitAsync(timeout.Token);
        return new HksRun(process.ExitCode, await stdout, await stderr);
    }
}
