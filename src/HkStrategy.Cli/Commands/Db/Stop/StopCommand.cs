using System.CommandLine;
using HkStrategy.Cli.Commands.Db.Start;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Embedded;

namespace HkStrategy.Cli.Commands.Db.Stop;

/// <summary><c>hks db stop</c>: stops the embedded server (fast shutdown: sessions end, committed data is safe).</summary>
public sealed class StopCommand(CliContext context) : HksCommand(context)
{
    protected override Command Define()
    {
        return new Command("stop", "Stop the embedded PostgreSQL");
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        StartCommand.EmbeddedOnly(Context, parseResult, "stop");
        var stopped = await new EmbeddedCluster(Context.Settings).StopAsync(cancellationToken);
        await Context.Out.WriteLineAsync(stopped ? "embedded PostgreSQL stopped" : "embedded PostgreSQL was not running");
        return 0;
    }
}
