using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Cli.Commands.Backup.Create;

/// <summary><c>hks backup create</c>: pg_dump of one snapshot, read back, SHA-256, manifest written last.</summary>
public static class CreateCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Option<string>("--kind") { Description = BackupNames.Choices(BackupNames.Kinds.Select(k => k.Describe())), DefaultValueFactory = _ => BackupKind.Full.Text() };
        var format = new Option<string>("--format") { Description = BackupNames.Choices(BackupNames.Formats.Select(f => f.Describe())), DefaultValueFactory = _ => BackupFormat.Custom.Text() };
        var label = new Option<string?>("--label") { Description = "A note kept in the manifest" };
        var folder = BackupCommand.Folder();
        var json = CommonOptions.Json();
        var command = new Command("create", "Back up the database") { kind, format, label, folder, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var request = new BackupRequest(BackupCommand.FolderOrDefault(context, parseResult.GetValue(folder)),
                BackupNames.ParseKind(parseResult.GetValue(kind)!), BackupNames.ParseFormat(parseResult.GetValue(format)!), parseResult.GetValue(label));
            await using var database = await DatabaseSession.OpenAsync(context, parseResult, cancellationToken);
            var result = await ProgressView.RunAsync(context, progress => new VerifiedBackup(context.Clock, progress).CreateAsync(database, request, cancellationToken));
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, result, CommandJson.Types.BackupResult);
            }
            else
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"backup {result.Path} ({result.Kind.Text()}, {result.Format.Text()}, {result.SizeBytes / 1024.0:N0} KiB, schema version {result.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"}, HK${result.TotalMarketValue:N2}), verified; manifest {Path.GetFileName(result.Manifest)}; sha256 {result.Sha256}"));
            }
            return 0;
        });
        return command;
    }
}
