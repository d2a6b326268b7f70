using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Diff;
using HkStrategy.Operations.Restore;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Diff;

/// <summary><c>hks diff FILE</c>: what differs between a backup and the live database, per table and per portfolio. Exit 1 when anything differs.</summary>
public sealed class DiffCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _file = new Argument<string>("file") { Description = "The backup (a path, or a name in the backup folder)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("diff", "Compare a backup with the live database: the scope of a data loss") { _file, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var live = await DatabaseSession.ResolveAsync(Context, parseResult, cancellationToken);
        var archive = BackupCatalog.Resolve(parseResult.GetValue(_file)!, Context.Settings.Home.Backups);
        await using var copy = await ScratchCopy.RestoreAsync(live, archive, MigrationCatalog.Embedded, Context.Clock, cancellationToken);
        var report = await BackupDiff.CompareAsync(copy.Target, live, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, report, CommandJson.Types.DiffReport);
        }
        else
        {
            Render(Context.Console, report);
        }
        return report.IsSame ? 0 : 1;
    }

    private static void Render(IAnsiConsole console, DiffReport report)
    {
        var tables = new Table().AddColumns("Table", "Only in backup", "Only live", "Changed");
        foreach (var table in report.Tables.Where(t => !t.IsSame))
        {
            tables.AddRow(table.Table, N(table.OnlyInBackup), N(table.OnlyLive), N(table.Changed));
        }
        var portfolios = new Table().AddColumns("Portfolio", "Missing live", "Extra live", "Changed", "Value in backup", "Value live", "Difference",
            "Activities only in backup", "Activities only live", "Broker");
        foreach (var p in report.Portfolios.Where(p => !p.IsSame || p.ValueDifference != 0))
        {
            portfolios.AddRow(Markup.Escape(p.PortfolioId + (p.MissingLive ? " (portfolio missing live)" : p.MissingInBackup ? " (not in backup)" : "")),
                Markup.Escape(string.Join(" ", p.MissingPositions)), Markup.Escape(string.Join(" ", p.ExtraPositions)), Markup.Escape(string.Join(" ", p.ChangedPositions)),
                p.BackupValue.ToString("N2", CultureInfo.InvariantCulture), p.LiveValue.ToString("N2", CultureInfo.InvariantCulture),
                p.ValueDifference.ToString("+#,##0.00;-#,##0.00;0.00", CultureInfo.InvariantCulture),
                N(p.ActivitiesOnlyInBackup), N(p.ActivitiesOnlyLive), p.BrokerProfileChanged ? "changed" : "");
        }
        if (report.IsSame)
        {
            console.WriteLine("the live database holds exactly what the backup holds");
            return;
        }
        console.Write(tables);
        console.Write(portfolios);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
