using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Backup;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Backup.List;

/// <summary><c>hks backup list</c>: age, size, kind, schema version and verification of every backup in the folder.</summary>
public sealed class ListCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string?> _folder = BackupCommand.Folder();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("list", "List the backups, newest first") { _folder, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var entries = await BackupCatalog.ListAsync(BackupCommand.FolderOrDefault(Context, parseResult.GetValue(_folder)), cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, entries, CommandJson.Types.IReadOnlyListCatalogEntry);
            return 0;
        }
        var table = new Table().AddColumns("Backup", "Age", "Size", "Kind", "Schema", "Verified", "Value (HK$)");
        foreach (var entry in entries)
        {
            table.AddRow(Markup.Escape(entry.File), Age(Context.Clock.GetUtcNow() - entry.CreatedAt),
                $"{entry.SizeBytes / 1024.0:N0} KiB", entry.HasManifest ? entry.KindText : "[yellow]no manifest[/]",
                entry.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "-",
                entry.VerifiedAt is { } at ? $"{(entry.Drilled ? "drill" : "checksum")} {Age(Context.Clock.GetUtcNow() - at)} ago" : "no",
                entry.TotalMarketValue?.ToString("N2", CultureInfo.InvariantCulture) ?? "-");
        }
        Context.Console.Write(table);
        return 0;
    }

    internal static string Age(TimeSpan age) => age.TotalHours switch
    {
        < 1 => $"{Math.Max(0, (int)age.TotalMinutes)} min",
        < 48 => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} d",
    };
}
