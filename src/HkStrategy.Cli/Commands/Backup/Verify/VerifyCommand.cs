using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Verify;

namespace HkStrategy.Cli.Commands.Backup.Verify;

/// <summary><c>hks backup verify FILE [--drill]</c>: checksum, manifest, readability; a drill restores it into a scratch database.</summary>
public sealed class VerifyCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _file = new Argument<string>("file") { Description = "The backup (a path, or a name in the backup folder)" };
    private readonly Option<bool> _drill = new Option<bool>("--drill") { Description = "Also restore into a scratch database and compare every table and portfolio with the manifest" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("verify", "Check that a backup is complete and restorable") { _file, _drill, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var path = BackupCatalog.Resolve(parseResult.GetValue(_file)!, BackupCommand.FolderOrDefault(Context, null));
        var verifier = new BackupVerifier(MigrationCatalog.Embedded, Context.Clock);
        VerificationReport report;
        if (parseResult.GetValue(_drill))
        {
            var server = await DatabaseSession.ResolveAsync(Context, parseResult, cancellationToken);
            report = await ProgressView.RunAsync(Context, _ => verifier.DrillAsync(path, server, cancellationToken));
        }
        else
        {
            report = await verifier.VerifyAsync(path, cancellationToken);
        }
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new VerifiedBackupJson(report.Path, true, report.Drilled, report.Passed, report.Manifest), CommandJson.Types.VerifiedBackupJson);
        }
        else
        {
            foreach (var check in report.Passed)
            {
                await Context.Out.WriteLineAsync($"✔ {check}");
            }
            await Context.Out.WriteLineAsync($"{Path.GetFileName(path)} is a good backup{(report.Drilled ? ", proven by a restore drill" : "")}");
        }
        return 0;
    }
}

/// <summary>A backup verified: the checks it passed and its manifest.</summary>
internal sealed record VerifiedBackupJson(string Path, bool Verified, bool Drilled, IReadOnlyList<string> Checks, HkStrategy.Operations.Backup.BackupManifest Manifest);
