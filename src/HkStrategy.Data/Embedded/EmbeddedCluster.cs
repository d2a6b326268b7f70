using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Settings;
using Npgsql;

namespace HkStrategy.Data.Embedded;

/// <summary>
/// The PostgreSQL cluster hks manages under <c>$HKS_HOME</c>: created with initdb on first use, started on demand on
/// 127.0.0.1 (a free port) and a unix socket, holding the database <c>hk_strategy</c>. Every change of its state
/// happens under <see cref="ClusterLock"/>.
/// </summary>
public sealed class EmbeddedCluster(HksSettings settings)
{
    private readonly HksHome home = settings.Home;

    public const string DatabaseName = "hk_strategy";
    public const string SuperUser = "hks";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    public HksHome Home => home;

    public async Task<DatabaseTarget> EnsureRunningAsync(CancellationToken cancellationToken)
    {
        CreatePrivateDirectory(home.Root);
        using var clusterLock = await ClusterLock.AcquireAsync(home.LockFile, LockTimeout, cancellationToken);
        var layout = new ClusterLayout(home);
        var initialized = layout.CheckInitialized();
        if (initialized && layout.ReadPortFromPidFile() is { } recorded && layout.PostmasterIsAlive() && File.Exists(home.PasswordFile))
        {
            // The common case, without starting a single program: a server that accepts our password on the
            // port it recorded is ours and running.
            var running = Target(recorded);
            if (await TryCreateDatabaseIfMissingAsync(running, cancellationToken))
            {
                return running;
            }
        }
        var account = await ServiceAccount.DetectAsync(settings.ServiceUser, cancellationToken);
        var binaries = await PgBinaries.LocateAsync(initialized ? layout.ReadMajorVersion() : null, cancellationToken);
        if (!initialized)
        {
            await new ClusterInitializer(home, layout, binaries, account).InitializeAsync(cancellationToken);
        }
        var server = new ClusterServer(home, layout, binaries, account);
        var port = await server.RunningPortAsync(cancellationToken) ?? await server.StartAsync(cancellationToken);
        var target = Target(port);
        // Every time, not only after a start: a first run interrupted between start and create must heal.
        await CreateDatabaseIfMissingAsync(target, cancellationToken);
        return target;
    }

    /// <summary>Stops the server if it runs; returns whether it was running.</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(home.Root))
        {
            return false;
        }
        using var clusterLock = await ClusterLock.AcquireAsync(home.LockFile, LockTimeout, cancellationToken);
        var account = await ServiceAccount.DetectAsync(settings.ServiceUser, cancellationToken);
        var layout = new ClusterLayout(home);
        if (!layout.CheckInitialized())
        {
            return false;
        }
        var binaries = await PgBinaries.LocateAsync(layout.ReadMajorVersion(), cancellationToken);
        return await new ClusterServer(home, layout, binaries, account).StopAsync(cancellationToken);
    }

    /// <summary>A libpq URL that reads the password from the password file instead of containing it.</summary>
    public static string LibpqUrl(HksHome home, int port) =>
        string.Create(CultureInfo.InvariantCulture,
            $"postgresql://{SuperUser}@127.0.0.1:{port}/{DatabaseName}?passfile={Uri.EscapeDataString(home.PgPassFile)}");

    private DatabaseTarget Target(int port)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Password = File.ReadAllText(home.PasswordFile).Trim(),
            Database = DatabaseName,
            ApplicationName = "hks",
            Timeout = 10,
        };
        return new DatabaseTarget(builder.ConnectionString, IsEmbedded: true);
    }

    private static async Task<bool> TryCreateDatabaseIfMissingAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await CreateDatabaseIfMissingAsync(target, cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(DatabaseTarget target, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(target.WithDatabase("postgres").ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = DatabaseName });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName} ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    internal static void CreatePrivateDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    internal static HksException Failure(string name, string what, string detail) =>
        HksException.Environment(name, $"{what}: {detail}");
}
