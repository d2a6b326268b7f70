using HkStrategy.Core.Failures;
using HkStrategy.Data.Schema;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

public sealed class MigrationSafetyTests
{
    [Fact]
    public async Task ConcurrentMigrators_ExactlyOneApplies_TheOthersFindNothingToDo()
    {
        await using var db = await TestDatabase.CreateAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => db.MigrateAsync())));

        Assert.Equal(1, outcomes.Count(o => o.Steps.Count > 0));
        Assert.Equal(MigrationCatalog.Embedded.Latest, await db.ScalarAsync<int>("SELECT COUNT(*) FROM hks_meta.schema_migrations"));
        Assert.Equal(MigrationCatalog.Embedded.Latest, await db.ScalarAsync<int>("SELECT COUNT(*) FROM hks_meta.schema_history WHERE event = 'migrated'"));
    }

    [Fact]
    public async Task EditedAppliedMigration_IsRefusedByName()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync(to: 1);
        var original = MigrationCatalog.Embedded.Get(1);
        var edited = new MigrationCatalog([original with { UpSql = original.UpSql + "\n-- a harmless-looking edit" }, MigrationCatalog.Embedded.Get(2)]);
        await using var connection = await db.OpenAsync();

        var error = await Assert.ThrowsAsync<HksException>(() =>
            new SchemaMigrator(edited).MigrateAsync(connection, new MigrationOptions(), CancellationToken.None));

        Assert.Equal("MigrationChecksumMismatch", error.Name);
        Assert.Equal(ExitCode.Refused, error.ExitCode);
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
    }

    [Fact]
    public async Task SchemaNewerThanTheProgram_IsRefusedByName()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();
        await db.ExecuteAsync("INSERT INTO hks_meta.schema_migrations (version, name, sha256) VALUES (99, 'from_the_future', repeat('0', 64))");

        var error = await Assert.ThrowsAsync<HksException>(() => db.MigrateAsync());

        Assert.Equal("SchemaNewerThanProgram", error.Name);
        Assert.Equal(ExitCode.Refused, error.ExitCode);
    }

    [Fact]
    public async Task MigrationBlockedByALongLock_GivesUpWithinItsLockTimeout_AndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync(to: 1);
        await using var reader = await db.OpenAsync();
        await using var readTransaction = await reader.BeginTransactionAsync();
        await using (var read = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM portfolio_positions", reader, readTransaction))
        {
            await read.ExecuteScalarAsync();
        }
        await using var connection = await db.OpenAsync();

        var error = await Assert.ThrowsAsync<HksException>(() => db.Migrator.MigrateAsync(connection,
            new MigrationOptions { LockTimeout = TimeSpan.FromMilliseconds(200), LockAttempts = 1 }, CancellationToken.None));

        Assert.Equal("MigrationLockTimeout", error.Name);
        await readTransaction.RollbackAsync();
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT MAX(version) FROM hks_meta.schema_migrations"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.portfolios') IS NOT NULL"));
    }

    [Fact]
    public async Task DryRun_PrintsTheSqlAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var output = new StringWriter();
        await using var connection = await db.OpenAsync();

        await db.Migrator.MigrateAsync(connection, new MigrationOptions { DryRun = output }, CancellationToken.None);

        Assert.Contains("CREATE TABLE portfolio_positions", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE portfolio_positions ADD COLUMN portfolio_id", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("SET LOCAL lock_timeout", output.ToString(), StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.portfolio_positions') IS NOT NULL"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('hks_meta.schema_migrations') IS NOT NULL"));
    }
}
