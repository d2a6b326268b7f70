using Dapper;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using Npgsql;
using Xunit;

namespace HkStrategy.Testing;

/// <summary>
/// A fresh, empty database on the test server, dropped afterwards. As an xunit class fixture it serves one test
/// class; <c>await using var db = await TestDatabase.CreateAsync();</c> gives a test one of its own.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime, IAsyncDisposable
{
    private DatabaseTarget? _target;
    private Database? _database;

    public DatabaseTarget Target => _target ?? throw new InvalidOperationException("not initialised");

    public Database Database => _database ?? throw new InvalidOperationException("not initialised");

    public SchemaMigrator Migrator { get; } = new(MigrationCatalog.Embedded);

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        _target = await TestServer.CreateDatabaseAsync();
        _database = new Database(_target);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        if (_target is not null)
        {
            await TestServer.DropDatabaseAsync(_target);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>
    /// A connection of its own, outside any pool: restores end every session of the database they replace, and a
    /// pooled connection would be a dead one afterwards.
    /// </summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Target.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    public async Task<MigrationOutcome> MigrateAsync(int? to = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        await using var connection = await OpenAsync();
        return await Migrator.MigrateAsync(connection, new MigrationOptions
        {
            TargetVersion = to,
            Settings = settings ?? new Dictionary<string, string>(),
        }, CancellationToken.None);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }
}
