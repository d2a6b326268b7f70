using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Schema;
using HkStrategy.Data.Status;

namespace HkStrategy.Cli.Commands.Db.Status;

/// <summary><c>hks db status</c>: the seed's "investigate db state". Exit 1 when it has warnings.</summary>
public sealed class StatusCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("status", "Target, versions, pending migrations, row counts, portfolios, totals and warnings") { _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var database = await DatabaseSession.OpenAsync(Context, parseResult, cancellationToken);
        var status = await DatabaseStatusReader.ReadAsync(database, new SchemaMigrator(MigrationCatalog.Embedded), cancellationToken, Context.Clock);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, status, CommandJson.Types.DatabaseStatus);
        }
        else
        {
            StatusView.Render(Context.Console, status);
        }
        return status.Warnings.Count == 0 ? 0 : 1;
    }
}
