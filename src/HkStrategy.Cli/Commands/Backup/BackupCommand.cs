using System.CommandLine;
using HkStrategy.Cli.Commands.Backup.Create;
using HkStrategy.Cli.Commands.Backup.List;
using HkStrategy.Cli.Commands.Backup.Prune;
using HkStrategy.Cli.Commands.Backup.Verify;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Backup;

public static class BackupCommand
{
    public static Command Create(CliContext context) => new("backup", "Verified backups with manifests: create, list, verify, prune")
    {
        new CreateCommand(context).Create(),
        new ListCommand(context).Create(),
        new VerifyCommand(context).Create(),
        new PruneCommand(context).Create(),
    };

    public static Option<string?> Folder() => new("--out") { Description = "The backup folder (default: $HKS_HOME/backups)" };

    public static string FolderOrDefault(CliContext context, string? folder) =>
        string.IsNullOrWhiteSpace(folder) ? context.Settings.Home.Backups : Path.GetFullPath(folder);
}
