using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Settings;

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

    /// <summary>
    /// Whether the cluster exists. A cluster folder this user cannot read, a link to nowhere or a data folder without
    /// PG_VERSION is refused rather than taken for "no cluster": initialising again would replace its password.
    /// </summary>
    public bool CheckInitialized()
    {
        var link = new FileInfo(home.Cluster).LinkTarget;
        if (link is not null && !Directory.Exists(home.Cluster))
        {
            throw HksException.Environment("ClusterMissing", $"{home.Cluster} links to {link}, which does not exist: restore that folder or move $HKS_HOME/cluster away");
        }
        if (!Directory.Exists(DataDirectory))
        {
            return false;
        }
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")) || Directory.EnumerateFileSystemEntries(DataDirectory).Any())
            {
                return File.Exists(Path.Combine(DataDirectory, "PG_VERSION"))
                    ? true
                    : throw HksException.Environment("ClusterDamaged", $"{DataDirectory} holds files but no PG_VERSION: it is not a PostgreSQL cluster hks can use");
            }
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            throw HksException.Environment("ClusterNotAccessible",
                $"the embedded cluster in {home.Cluster} belongs to another account (created with sudo?): run hks as that account, or set HKS_HOME to a folder of your own");
        }
    }

    public int ReadMajorVersion() =>
        int.Parse(File.ReadAllText(Path.Combine(DataDirectory, "PG_VERSION")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Whether the process named on the first line of <c>postmaster.pid</c> exists (Linux: /proc; elsewhere unknown, so no).</summary>
    public bool PostmasterIsAlive()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        var first = File.Exists(pidFile) ? File.ReadLines(pidFile).FirstOrDefault() : null;
        return int.TryParse(first?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}");
    }

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
