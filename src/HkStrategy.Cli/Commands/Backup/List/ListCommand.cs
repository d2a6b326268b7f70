using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Backup;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Backup.List;

/// <summary><c>hks backup list</c>: age, size, kind, schema version and verification of every backup in the folder.</summary>
public static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var folder = BackupCommand.Folder();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the backups, newest first") { folder, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var entries = await BackupCatalog.ListAsync(BackupCommand.FolderOrDefault(context, parseResult.GetValue(folder)), cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, entries, CommandJson.Types.IReadOnlyListCatalogEntry);
                return 0;
            }
            var table = new Table().AddColumns("Backup", "Age", "Size", "Kind", "Schema", "Verified", "Value (HK$)");
            foreach (var entry in entries)
            {
                table.AddRow(Markup.Escape(entry.File), Age(context.Clock.GetUtcNow() - entry.CreatedAt),
                    $"{entry.SizeBytes / 1024.0:N0} KiB", entry.HasManifest ? entry.KindText : "[yellow]no manifest[/]",
                    entry.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    entry.VerifiedAt is { } at ? $"{(entry.Drilled ? "drill" : "checksum")} {Age(context.Clock.GetUtcNow() - at)} ago" : "no",
                    entry.TotalMarketValue?.ToString("N2", CultureInfo.InvariantCulture) ?? "-");
            }
            context.Console.Write(table);
            return 0;
        });
        return command;
    }

    internal static string Age(TimeSpan age) => age.TotalHours switch
    {
        < 1 => $"{Math.Max(0, (int)age.TotalMinutes)} min",
        < 48 => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} d",
    };
}
