using System.Globalization;

namespace HkStrategy.Data.Embedded;

/// <summary>
/// Where the cluster's files really are. The service account is given real paths: it may not be able to pass
/// through <c>$HKS_HOME</c> itself (root's home is private), in which case <c>$HKS_HOME/cluster</c> is a link.
/// </summary>
internal sealed class ClusterLayout(HksHome home)
{
    public string RealCluster =>
        Directory.Exists(home.Cluster)
            ? new DirectoryInfo(home.Cluster).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? home.Cluster
            : home.Cluster;

    public string DataDirectory => Path.Combine(RealCluster, "data");

    public string SocketDirectory => Path.Combine(RealCluster, "run");

    public string ServerLog => Path.Combine(RealCluster, "server.log");

    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public int ReadMajorVersion() =>
        int.Parse(File.ReadAllText(Path.Combine(DataDirectory, "PG_VERSION")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>The port of the running server, from the fourth line of <c>postmaster.pid</c>.</summary>
    public int? ReadPortFromPidFile()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }
        var lines = File.ReadAllLines(pidFile);
        return lines.Length >= 4 && int.TryParse(lines[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }
}
