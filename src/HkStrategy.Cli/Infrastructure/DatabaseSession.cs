using System.CommandLine;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Targets;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>Opens the database a command targets: <c>--database</c>, else HKS_DATABASE_URL, else the embedded default.</summary>
public static class DatabaseSession
{
    public static async Task<Database> OpenAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken) =>
        new(await ResolveAsync(context, parseResult, cancellationToken));

    public static Task<DatabaseTarget> ResolveAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken) =>
        TargetResolver.ResolveAsync(parseResult.GetValue(CommonOptions.Database), context.Settings, cancellationToken);
}
