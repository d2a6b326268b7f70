using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using Npgsql;

namespace HkStrategy.Cli.Commands.Db.Url;

/// <summary>
/// <c>hks db url</c>: a libpq URL for psql, pg_dump or pgAdmin. The embedded database's URL names its password file
/// (<c>passfile=</c>) instead of containing the password; an external target is printed without its password.
/// </summary>
public sealed class UrlCommand(CliContext context) : HksCommand(context)
{
    protected override Command Define()
    {
        return new Command("url", "Print a libpq URL of the database (the password stays in a file: passfile=)");
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var target = await DatabaseSession.ResolveAsync(Context, parseResult, cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var url = target.IsEmbedded
            ? EmbeddedCluster.LibpqUrl(Context.Settings.Home, builder.Port)
            : target.Display.Replace(":****@", "@", StringComparison.Ordinal).Replace("postgres://", "postgresql://", StringComparison.Ordinal);
        await Context.Out.WriteLineAsync(url);
        return 0;
    }
}
