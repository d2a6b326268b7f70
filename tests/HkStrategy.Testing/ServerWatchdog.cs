using System.Diagnostics;
using System.Globalization;
using HkStrategy.Data.Embedded;

namespace HkStrategy.Testing;

/// <summary>
/// Stops a test process's embedded server when that process ends, however it ends: test hosts are often killed
/// before exit handlers finish. A detached shell polls the process id and then runs <c>pg_ctl stop</c> on the data
/// folder (never a kill by name) and removes the folder.
/// </summary>
internal static class ServerWatchdog
{
    public static async Task WatchAsync(string home)
    {
        var data = Path.Combine(home, "cluster", "data");
        var major = int.Parse(await File.ReadAllTextAsync(Path.Combine(data, "PG_VERSION")), CultureInfo.InvariantCulture);
        var pgCtl = (await PgBinaries.LocateAsync(major, CancellationToken.None)).Tool("pg_ctl");
        var account = await ServiceAccount.DetectAsync(TestEnvironment.Settings.ServiceUser, CancellationToken.None);
        var stop = account.UserName is { } user ? $"runuser -u {user} -- {pgCtl} stop -D {data} -m fast" : $"{pgCtl} stop -D {data} -m fast";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {home}";
        var startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "-f", "sh", "-c", script })
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var watchdog = Process.Start(startInfo);
    }
}
