using System.CommandLine;
using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>
/// Runs a command's handler and maps every failure to one line on stderr and a documented exit code; details of
/// unexpected failures go to <c>$HKS_HOME/logs/hks.log</c>, never a stack trace on the console.
/// </summary>
public static class CommandRunner
{
    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> handler) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, () => handler(parseResult, cancellationToken)));

    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> handler)
    {
        try
        {
            return await handler();
        }
        catch (HksException failure)
        {
            await context.Error.WriteLineAsync($"hks: {failure.Message} [{failure.Name}]");
            return (int)failure.ExitCode;
        }
        catch (PostgresException failure) when (HkStrategy.Data.Connection.ReadOnlyDatabase.IsRefusal(failure))
        {
            await context.Error.WriteLineAsync($"hks: {HkStrategy.Data.Connection.ReadOnlyDatabase.Message} [DatabaseReadOnly]");
            return (int)ExitCode.Environment;
        }
        catch (PostgresException failure)
        {
            await context.Error.WriteLineAsync($"hks: the server refused: {failure.MessageText} (SQLSTATE {failure.SqlState}) [ServerError]");
            return (int)ExitCode.Environment;
        }
        catch (NpgsqlException failure)
        {
            await context.Error.WriteLineAsync($"hks: lost the connection to PostgreSQL: {failure.Message.Split('\n')[0]} [ConnectionLost]");
            return (int)ExitCode.Environment;
        }
        catch (UnauthorizedAccessException failure)
        {
            await context.Error.WriteLineAsync($"hks: not allowed: {failure.Message.Split('\n')[0]} [AccessDenied]");
            return (int)ExitCode.Environment;
        }
        catch (IOException failure)
        {
            await context.Error.WriteLineAsync($"hks: {failure.Message.Split('\n')[0]} [FileError]");
            return (int)ExitCode.Environment;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("hks: cancelled");
            return (int)ExitCode.Cancelled;
        }
        catch (Exception unexpected)
        {
            var log = WriteLog(context, unexpected);
            await context.Error.WriteLineAsync($"hks: unexpected error ({unexpected.GetType().Name}): {unexpected.Message.Split('\n')[0]}{log}");
            return (int)ExitCode.CheckFailed;
        }
    }

    private static string WriteLog(CliContext context, Exception error)
    {
        try
        {
            var folder = Path.Combine(context.Settings.Home.Root, "logs");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "hks.log");
            File.AppendAllText(path, $"{DateTimeOffset.UtcNow:O} {error}\n");
            return $" (details in {path})";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
