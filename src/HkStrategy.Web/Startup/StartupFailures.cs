using HkStrategy.Core.Failures;

namespace HkStrategy.Web.Startup;

/// <summary>A dashboard that cannot start says why in one line and exits with hks's exit code, never a stack trace.</summary>
public static class StartupFailures
{
    public static async Task<int> ReportAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (HostAbortedException)
        {
            throw;
        }
        catch (HksException failure)
        {
            await Console.Error.WriteLineAsync($"hks dashboard: {failure.Message} [{failure.Name}]");
            return (int)failure.ExitCode;
        }
        catch (IOException failure)
        {
            await Console.Error.WriteLineAsync($"hks dashboard: cannot listen: {failure.Message} [ListenFailed]");
            return (int)ExitCode.Environment;
        }
#pragma warning disable CA1031 // the last resort: one line and an exit code instead of a stack trace
        catch (Exception failure)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"hks dashboard: could not start: {failure.Message.Split('\n')[0]} [StartFailed]");
            return (int)ExitCode.Environment;
        }
    }
}
