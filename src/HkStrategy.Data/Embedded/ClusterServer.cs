using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HkStrategy.Data.Processes;
using HkStrategy.Data.Settings;

namespace HkStrategy.Data.Embedded;

/// <summary>Starts, finds and stops the embedded server with pg_ctl, as the service account.</summary>
internal sealed class ClusterServer(HksHome home, ClusterLayout layout, PgBinaries binaries, ServiceAccount account)
{
    /// <summary>
    /// The port of the running server, or null. pg_ctl trusts the process id in postmaster.pid, which a reboot or a
    /// container restart can hand to an unrelated process; a server must also answer on the port it recorded.
    /// </summary>
    public async Task<int?> RunningPortAsync(CancellationToken cancellationToken)
    {
        var status = await account.RunAsync(binaries.Tool("pg_ctl"), ["status", "-D", layout.DataDirectory], cancellationToken);
        if (!status.Succeeded || layout.ReadPortFromPidFile() is not { } port)
        {
            return null;
        }
        var ready = await ProcessRunner.RunAsync(binaries.Tool("pg_isready"),
            ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "5"], cancellationToken);
        // 1: up but not accepting connections yet (starting or stopping); 127: no pg_isready here, trust pg_ctl.
        return ready.ExitCode is 0 or 1 or 127 ? port : null;
    }

    public async Task<int> StartAsync(CancellationToken cancellationToken)
    {
        var preferred = ReadPreferredPort();
        string failure = "";
        var first = preferred is { } p && IsFree(p) ? p : FreePort();
        int second;
        do
        {
            second = FreePort();
        }
        while (second == first);
        foreach (var port in new[] { first, second })
        {
            var result = await account.RunAsync(binaries.Tool("pg_ctl"),
                ["start", "-D", layout.DataDirectory, "-l", layout.ServerLog, "-w", "-t", "60", "-o", string.Create(CultureInfo.InvariantCulture, $"-p {port}")],
                cancellationToken);
            if (result.Succeeded)
            {
                await File.WriteAllTextAsync(home.PortFile, port.ToString(CultureInfo.InvariantCulture), cancellationToken);
                return port;
            }
            failure = LastLogLine() ?? result.LastErrorLine;
        }
        throw EmbeddedCluster.Failure("ServerStartFailed", $"the embedded PostgreSQL in {home.Cluster} did not start", failure);
    }

    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        if (await RunningPortAsync(cancellationToken) is null)
        {
            return false;
        }
        var result = await account.RunAsync(binaries.Tool("pg_ctl"), ["stop", "-D", layout.DataDirectory, "-m", "fast", "-w", "-t", "60"], cancellationToken);
        return result.Succeeded
            ? true
            : throw EmbeddedCluster.Failure("ServerStopFailed", "the embedded PostgreSQL did not stop", result.LastErrorLine);
    }

    private int? ReadPreferredPort() =>
        File.Exists(home.PortFile) && int.TryParse(File.ReadAllText(home.PortFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;

    private string? LastLogLine() =>
        File.Exists(layout.ServerLog)
            ? File.ReadLines(layout.ServerLog).LastOrDefault(line => !string.IsNullOrWhiteSpace(line))
            : null;

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
