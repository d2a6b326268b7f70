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
public static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The backup (a path, or a name in the backup folder)" };
        var drill = new Option<bool>("--drill") { Description = "Also restore into a scratch database and compare every table and portfolio with the manifest" };
        var json = CommonOptions.Json();
        var command = new Command("verify", "Check that a backup is complete and restorable") { file, drill, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var path = BackupCatalog.Resolve(parseResult.GetValue(file)!, BackupCommand.FolderOrDefault(context, null));
            var verifier = new BackupVerifier(MigrationCatalog.Embedded, context.Clock);
            VerificationReport report;
            if (parseResult.GetValue(drill))
            {
                var server = await DatabaseSession.ResolveAsync(context, parseResult, cancellationToken);
                report = await ProgressView.RunAsync(context, _ => verifier.DrillAsync(path, server, cancellationToken));
            }
            else
            {
                report = await verifier.VerifyAsync(path, cancellationToken);
            }
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new VerifiedBackupJson(report.Path, true, report.Drilled, report.Passed, report.Manifest), CommandJson.Types.VerifiedBackupJson);
            }
            else
            {
                foreach (var check in report.Passed)
                {
                    await context.Out.WriteLineAsync($"✔ {check}");
                }
                await context.Out.WriteLineAsync($"{Path.GetFileName(path)} is a good backup{(report.Drilled ? ", proven by a restore drill" : "")}");
            }
            return 0;
        });
        return command;
    }
}

/// <summary>A backup verified: the checks it passed and its manifest.</summary>
internal sealed record VerifiedBackupJson(string Path, bool Verified, bool Drilled, IReadOnlyList<string> Checks, HkStrategy.Operations.Backup.BackupManifest Manifest);
