using System.Globalization;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using Npgsql;

namespace HkStrategy.Testing;

/// <summary>
/// One real PostgreSQL server per test process: <c>HKS_TEST_DATABASE_URL</c> (a superuser connection) when set, else
/// an embedded cluster of this program's own under /tmp/hks-tests/&lt;pid&gt;, started on first use and stopped by a
/// watchdog when the process ends. Clusters left behind by test processes that died are stopped and removed when the next one starts.
/// </summary>
public static class TestServer
{
    private static readonly Lazy<Task<DatabaseTarget>> Server = new(StartAsync);

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "hks-tests");

    public static string Home { get; } = Path.Combine(Root, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A connection to the server's maintenance database, for creating and dropping test databases.</summary>
    public static async Task<DatabaseTarget> AdminAsync() => (await Server.Value).WithDatabase("postgres");

    private static async Task<DatabaseTarget> StartAsync()
    {
        TestEnvironment.Apply();
        var external = Environment.GetEnvironmentVariable("HKS_TEST_DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new DatabaseTarget(ConnectionStrings.Normalize(external), IsEmbedded: false);
        }
        await RemoveAbandonedClustersAsync();
        var cluster = new EmbeddedCluster(TestEnvironment.WithHome(Home));
        var target = await cluster.EnsureRunningAsync(CancellationToken.None);
        await ServerWatchdog.WatchAsync(Home);
        return target;
    }

    private static async Task RemoveAbandonedClustersAsync()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }
        foreach (var folder in Directory.GetDirectories(Root))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !HkStrategy.Data.Processes.ProcessIds.IsAlive(pid))
            {
                await StopAndRemoveAsync(folder);
            }
        }
    }

    private static async Task StopAndRemoveAsync(string home)
    {
        try
        {
            await new EmbeddedCluster(TestEnvironment.WithHome(home)).StopAsync(CancellationToken.None);
            Directory.Delete(home, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or HkStrategy.Core.Failures.HksException)
        {
            // Left for the next run to clean up.
        }
    }

    public static async Task<DatabaseTarget> CreateDatabaseAsync()
    {
        var admin = await AdminAsync();
        var name = "hks_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
        await create.ExecuteNonQueryAsync();
        return admin.WithDatabase(name);
    }

    public static async Task DropDatabaseAsync(DatabaseTarget target)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection((await AdminAsync()).ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
