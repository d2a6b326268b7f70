using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Targets;

namespace HkStrategy.Cli.Commands.Db.Start;

/// <summary><c>hks db start</c>: creates (first time) and starts the embedded server; every command does this on demand.</summary>
public sealed class StartCommand(CliContext context) : HksCommand(context)
{
    protected override Command Define()
    {
        return new Command("start", "Start the embedded PostgreSQL (commands start it on demand anyway)");
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        EmbeddedOnly(Context, parseResult, "start");
        var cluster = new EmbeddedCluster(Context.Settings);
        var target = await cluster.EnsureRunningAsync(cancellationToken);
        await Context.Out.WriteLineAsync($"embedded PostgreSQL is running: {target.Display} (files in {cluster.Home.Cluster})");
        return 0;
    }

    internal static void EmbeddedOnly(CliContext context, ParseResult parseResult, string verb)
    {
        if (TargetResolver.ExternalTarget(parseResult.GetValue(CommonOptions.Database), context.Settings) is not null)
        {
            throw HksException.Usage("NotEmbedded", $"'hks db {verb}' manages only the embedded database; the target here is an external server (--database or HKS_DATABASE_URL)");
        }
    }
}
