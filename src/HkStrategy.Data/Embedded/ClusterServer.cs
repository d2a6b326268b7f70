using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HkStrategy.Data.Embedded;

/// <summary>Starts, finds and stops the embedded server with pg_ctl, as the service account.</summary>
internal sealed class ClusterServer(HksHome home, ClusterLayout layout, PgBinaries binaries, ServiceAccount account)
{
    public async Task<int?> RunningPortAsync(CancellationToken cancellationToken)
    {
        var status = await account.RunAsync(binaries.Tool("pg_ctl"), ["status", "-D", layout.DataDirectory], cancellationToken);
        return status.Succeeded ? layout.ReadPortFromPidFile() : null;
    }

    public async Task<int> StartAsync(CancellationToken cancellationToken)
    {
        var preferred = ReadPreferredPort();
        string failure = "";
        foreach (var port in new[] { preferred is { } p && IsFree(p) ? p : FreePort(), FreePort() })
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
