using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Processes;
using HkStrategy.Operations.PgTools;

namespace HkStrategy.Operations.Backup;

/// <summary>A verified backup written just before a schema change, in the folder the backup catalog uses.</summary>
public sealed record SafetyBackupFile(string Path, long SizeBytes);

/// <summary>
/// Takes the backup every schema change is preceded by: pg_dump in custom format to a temporary name, read back
/// with <c>pg_restore --list</c>, then renamed into place, so a file with the final name is always a readable archive.
/// </summary>
public sealed class SafetyBackup(string folder, TimeProvider clock)
{
    public async Task<SafetyBackupFile> TakeAsync(Database database, string prefix, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(database, cancellationToken), cancellationToken);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        var final = Path.Combine(folder, $"{prefix}_{stamp}.dump");
        var partial = final + ".partial";
        var environment = PgEnvironment.For(database.Target);
        try
        {
            var dump = await ProcessRunner.RunAsync(tools.PgDump, ["--format=custom", "--file", partial], cancellationToken, environment);
            if (!dump.Succeeded)
            {
                throw HksException.Environment("BackupFailed", $"pg_dump could not back up {database.Target.Display}: {dump.LastErrorLine}; nothing was changed");
            }
            var list = await ProcessRunner.RunAsync(tools.PgRestore, ["--list", partial], cancellationToken);
            if (!list.Succeeded)
            {
                throw HksException.Environment("BackupUnreadable", $"the backup {partial} cannot be read back: {list.LastErrorLine}; nothing was changed");
            }
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(partial, final);
        }
        finally
        {
            File.Delete(partial);
        }
        return new SafetyBackupFile(final, new FileInfo(final).Length);
    }
}
