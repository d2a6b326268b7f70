using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Settings;
using HkStrategy.Testing;
using Spectre.Console.Testing;

namespace HkStrategy.Cli.Tests;

/// <summary>
/// Runs an <c>hks</c> command in this process, as the program would with its output redirected: Spectre's
/// <see cref="TestConsole"/> (200 columns, no colour) takes tables and lines alike, so they keep their order as on
/// stdout; stderr and progress are captured apart. Where the launcher, exit codes of the process or a kill matter,
/// tests use <see cref="HksProcess"/> instead.
/// </summary>
internal static class HksInProcess
{
    public static async Task<HksRun> RunAsync(string[] args, HksSettings? settings = null, string? input = null)
    {
        using var console = new TestConsole().Width(200);
        using var progress = new TestConsole().Width(200);
        await using var error = new StringWriter();
        using var reader = new StringReader(input ?? "");
        var context = new CliContext(settings ?? TestEnvironment.Settings, console, console.Profile.Out.Writer, error, reader, TimeProvider.System)
        {
            ErrorConsole = progress,
        };
        var exitCode = await HksCli.RunAsync(args, context);
        return new HksRun(exitCode, console.Output, error.ToString());
    }

    /// <summary>A command against a test's database.</summary>
    public static Task<HksRun> HksAsync(this TestDatabase db, params string[] args) => RunAsync([.. args, "--database", db.Target.ConnectionString]);
}
