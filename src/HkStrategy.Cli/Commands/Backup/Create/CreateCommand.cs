using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Cli.Commands.Backup.Create;

/// <summary><c>hks backup create</c>: pg_dump of one snapshot, read back, SHA-256, manifest written last.</summary>
public sealed class CreateCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string> _kind = new Option<string>("--kind") { Description = BackupNames.Choices(BackupNames.Kinds.Select(k => k.Describe())), DefaultValueFactory = _ => BackupKind.Full.Text() };
    private readonly Option<string> _format = new Option<string>("--format") { Description = BackupNames.Choices(BackupNames.Formats.Select(f => f.Describe())), DefaultValueFactory = _ => BackupFormat.Custom.Text() };
    private readonly Option<string?> _label = new Option<string?>("--label") { Description = "A note kept in the manifest" };
    private readonly Option<string?> _folder = BackupCommand.Folder();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("create", "Back up the database") { _kind, _format, _label, _folder, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var request = new BackupRequest(BackupCommand.FolderOrDefault(Context, parseResult.GetValue(_folder)),
            BackupNames.ParseKind(parseResult.GetValue(_kind)!), BackupNames.ParseFormat(parseResult.GetValue(_format)!), parseResult.GetValue(_label));
        await using var database = await DatabaseSession.OpenAsync(Context, parseResult, cancellationToken);
        var result = await ProgressView.RunAsync(Context, progress => new VerifiedBackup(Context.Clock, progress).CreateAsync(database, request, cancellationToken));
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, result, CommandJson.Types.BackupResult);
        }
        else
        {
            await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"backup {result.Path} ({result.Kind.Text()}, {result.Format.Text()}, {result.SizeBytes / 1024.0:N0} KiB, schema version {result.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"}, HK${result.TotalMarketValue:N2}), verified; manifest {Path.GetFileName(result.Manifest)}; sha256 {result.Sha256}"));
        }
        return 0;
    }
}
