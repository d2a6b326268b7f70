using System.CommandLine;
using HkStrategy.Cli.Commands.Db.Start;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Embedded;

namespace HkStrategy.Cli.Commands.Db.Stop;

/// <summary><c>hks db stop</c>: stops the embedded server (fast shutdown: sessions end, committed data is safe).</summary>
public static class StopCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("stop", "Stop the embedded PostgreSQL");
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            StartCommand.EmbeddedOnly(context, parseResult, "stop");
            var stopped = await new EmbeddedCluster(context.Settings).StopAsync(cancellationToken);
            await context.Out.WriteLineAsync(stopped ? "embedded PostgreSQL stopped" : "embedded PostgreSQL was not running");
            return 0;
        });
        return command;
    }
}
