namespace HkStrategy.Data.Settings;

/// <summary>
/// The files hks keeps under <c>$HKS_HOME</c> (default <c>~/.hkstrategy</c>): the embedded cluster, its password,
/// a libpq password file and, later, backups.
/// </summary>
public sealed class HksHome(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The cluster folder; a link to a folder the service account can reach when it cannot reach this one.</summary>
    public string Cluster => Path.Combine(Root, "cluster");

    public string DataDirectory => Path.Combine(Cluster, "data");

    public string SocketDirectory => Path.Combine(Cluster, "run");

    public string ServerLog => Path.Combine(Cluster, "server.log");

    public string PasswordFile => Path.Combine(Root, "password");

    /// <summary>A libpq password file, so printed URLs can point at it instead of containing the password.</summary>
    public string PgPassFile => Path.Combine(Root, "pgpass");

    public string LockFile => Path.Combine(Root, "cluster.lock");

    public string PortFile => Path.Combine(Root, "port");

    public string Backups => Path.Combine(Root, "backups");

    /// <summary>Files uploaded to the dashboard between their preview and their import (readable by this account only).</summary>
    public string Uploads => Path.Combine(Root, "uploads");
}
