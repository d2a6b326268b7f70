using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using Npgsql;

namespace HkStrategy.Testing;

/// <summary>
/// One real PostgreSQL server per test run: <c>HKS_TEST_DATABASE_URL</c> (a superuser connection) when set, else an
/// embedded cluster of this program's own under /tmp/hks-tests, started on first use and stopped at exit.
/// </summary>
public static class TestServer
{
    private static readonly Lazy<Task<DatabaseTarget>> Server = new(StartAsync);

    public static string Home { get; } = Path.Combine(Path.GetTempPath(), "hks-tests", AppDomain.CurrentDomain.FriendlyName);

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
        var cluster = new EmbeddedCluster(new HksHome(Home));
        var target = await cluster.EnsureRunningAsync(CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        return target;
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
