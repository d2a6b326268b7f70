using HkStrategy.Data.Demo;
using HkStrategy.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HkStrategy.Data.Tests.Schema;

/// <summary>A class fixture: a database at the latest version holding the demo state, read but never changed by its tests.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public HkStrategy.Data.Connection.Database Database => _database.Database;

    public TestDatabase Test => _database;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.MigrateAsync();
        await new DemoSeeder(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero))).SeedAsync(_database.Database, _database.Migrator, CancellationToken.None);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
