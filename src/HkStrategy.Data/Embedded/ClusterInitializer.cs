using System.Security.Cryptography;
using System.Text;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Settings;

namespace HkStrategy.Data.Embedded;

/// <summary>
/// Creates the cluster once: a folder the service account owns, a generated password kept in files only the
/// user can read, initdb into a staging folder that is renamed into place last, so an interrupted first run
/// is simply redone.
/// </summary>
internal sealed class ClusterInitializer(HksHome home, ClusterLayout layout, PgBinaries binaries, ServiceAccount account)
{
    private const int MaxSocketPathLength = 100;
    private const string FallbackRoot = "/var/lib/hkstrategy";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var cluster = await PrepareClusterDirectoryAsync(cancellationToken);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var staging = Path.Combine(cluster, "data.initializing");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        var passwordForInitdb = Path.Combine(cluster, "initdb.pw");
        WritePrivateFile(passwordForInitdb, password + "\n");
        try
        {
            await account.GiveAsync(passwordForInitdb, cancellationToken);
            var result = await account.RunAsync(binaries.Tool("initdb"),
                ["-D", staging, "-U", EmbeddedCluster.SuperUser, "--pwfile", passwordForInitdb, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C"],
                cancellationToken);
            if (!result.Succeeded)
            {
                throw EmbeddedCluster.Failure("InitdbFailed", "initdb could not create the embedded cluster", result.LastErrorLine);
            }
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }
        await File.AppendAllTextAsync(Path.Combine(staging, "postgresql.conf"), Settings(), cancellationToken);
        if (Directory.Exists(layout.DataDirectory))
        {
            Directory.Delete(layout.DataDirectory); // empty (CheckInitialized refuses anything else)
        }
        Directory.Move(staging, layout.DataDirectory);
        // Only now: the password files must never describe a cluster that does not exist.
        WritePrivateFile(home.PasswordFile, password + "\n");
        WritePrivateFile(home.PgPassFile, $"*:*:*:{EmbeddedCluster.SuperUser}:{password}\n");
    }

    private string Settings()
    {
        var socketPath = Path.Combine(layout.SocketDirectory, ".s.PGSQL.65535");
        var sockets = Encoding.UTF8.GetByteCount(socketPath) <= MaxSocketPathLength ? layout.SocketDirectory : "";
        return $"""

            # Set by hks: loopback only, a socket beside the data, quiet logs.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{sockets.Replace("'", "''", StringComparison.Ordinal)}'
            log_min_messages = warning
            log_line_prefix = '%m [%p] %q%u@%d '

            """;
    }

    /// <summary>
    /// <c>$HKS_HOME/cluster</c> if the service account can use it; otherwise (root's private home) a folder under
    /// /var/lib/hkstrategy named after <c>$HKS_HOME</c>, linked from <c>$HKS_HOME/cluster</c>.
    /// </summary>
    private async Task<string> PrepareClusterDirectoryAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(home.Cluster))
        {
            return await OwnedByServiceAsync(layout.RealCluster, cancellationToken);
        }
        if (account.IsSeparateUser)
        {
            File.SetUnixFileMode(home.Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        var local = await OwnedByServiceAsync(home.Cluster, cancellationToken);
        if (await account.CanReachAsync(local, cancellationToken))
        {
            return local;
        }
        Directory.Delete(local, recursive: true);
        Directory.CreateDirectory(FallbackRoot);
        File.SetUnixFileMode(FallbackRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(home.Root)))[..16];
        var elsewhere = await OwnedByServiceAsync(Path.Combine(FallbackRoot, digest), cancellationToken);
        if (!await account.CanReachAsync(elsewhere, cancellationToken))
        {
            throw HksException.Environment("ClusterFolderUnreachable",
                $"the account {account.UserName} can reach neither {home.Root} nor {elsewhere}: set HKS_HOME to a folder it can pass through (such as /srv/hkstrategy)");
        }
        Directory.CreateSymbolicLink(home.Cluster, elsewhere);
        return elsewhere;
    }

    private async Task<string> OwnedByServiceAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(Path.Combine(directory, "run"));
        await account.GiveAsync(directory, cancellationToken);
        return directory;
    }

    private static void WritePrivateFile(string path, string content)
    {
        File.Delete(path);
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
