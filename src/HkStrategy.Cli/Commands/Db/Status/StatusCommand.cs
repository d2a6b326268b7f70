using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Schema;
using HkStrategy.Data.Status;

namespace HkStrategy.Cli.Commands.Db.Status;

/// <summary><c>hks db status</c>: the seed's "investigate db state". Exit 1 when it has warnings.</summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("status", "Target, versions, pending migrations, row counts, portfolios, totals and warnings") { json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            await using var database = await DatabaseSession.OpenAsync(context, parseResult, cancellationToken);
            var status = await DatabaseStatusReader.ReadAsync(database, new SchemaMigrator(MigrationCatalog.Embedded), cancellationToken, context.Clock);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, status, CommandJson.Types.DatabaseStatus);
            }
            else
            {
                StatusView.Render(context.Console, status);
            }
            return status.Warnings.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
