using System.CommandLine;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Serve;

/// <summary><c>hks serve [--urls URL]</c>: the dashboard, on the same database every other command uses.</summary>
public sealed class ServeCommand(CliContext context) : HksCommand(context)
{
    /// <summary>The dashboard's own default (its Listening.DefaultUrl), named here for the help text.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private readonly Option<string?> _urls = new Option<string?>("--urls") { Description = $"Where to listen (default {DefaultUrl}; beyond loopback only with HKS_DASHBOARD_PASSWORD set)" };

    protected override Command Define()
    {
        return new Command("serve", "Start the dashboard (portfolios, charts, signals, analyses, backups) in a browser") { _urls };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        List<string> args = [];
        if (parseResult.GetValue(_urls) is { } url)
        {
            args.AddRange(["--urls", url]);
        }
        if (parseResult.GetValue(CommonOptions.Database) is { } database)
        {
            args.AddRange(["--database", database]);
        }
        return await DashboardProgram.RunAsync(args, cancellationToken);
    }
}
