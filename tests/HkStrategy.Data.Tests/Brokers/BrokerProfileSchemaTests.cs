using HkStrategy.Core.Costs;
using HkStrategy.Data.Brokers;
using HkStrategy.Testing;
using Npgsql;

namespace HkStrategy.Data.Tests.Brokers;

/// <summary>
/// Schema version 6, a broker profile per portfolio: a rollback archives the profiles and a round trip gives every row
/// back; one of a portfolio deleted meanwhile is kept aside, not dropped; the table refuses what no broker charges.
/// </summary>
public sealed class BrokerProfileSchemaTests
{
    private static async Task WithProfilesAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        await BrokerProfileStore.SetAsync(connection, new StoredBrokerProfile("My_HKEX_ALL", "Futu", 0.0003m, 3m, 15m), CancellationToken.None);
        await BrokerProfileStore.SetAsync(connection, new StoredBrokerProfile("HKEX_NonTech", null, 0.0025m, 100m, 0m), CancellationToken.None);
    }

    [Fact]
    public async Task RollbackTo5AndBack_GivesEveryProfileBack()
    {
        await using var db = await DemoDatabases.RichAsync();
        await WithProfilesAsync(db);
        var before = await TableSnapshot.TakeAsync(db);
        var schemaBefore = await SchemaSnapshot.TakeAsync(db);

        await db.MigrateAsync(to: 5);
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_class WHERE relname = 'broker_profiles' AND relnamespace = 'public'::regnamespace"));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT COUNT(*) FROM hks_archive_v6.broker_profiles"));
        await db.MigrateAsync();

        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.Equal(schemaBefore, await SchemaSnapshot.TakeAsync(db));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'hks\\_archive%'"));
    }

    [Fact]
    public async Task TheProfileOfAPortfolioDeletedWhileArchived_IsKeptInTheOrphanedSchema()
    {
        await using var db = await DemoDatabases.RichAsync();
        await WithProfilesAsync(db);
        await db.MigrateAsync(to: 5);
        await db.ExecuteAsync("DELETE FROM portfolios WHERE portfolio_id = 'HKEX_NonTech'");

        await db.MigrateAsync();

        Assert.Equal(["My_HKEX_ALL"], await db.QueryAsync<string>("SELECT portfolio_id FROM broker_profiles"));
        Assert.Equal(0.0025m, await db.ScalarAsync<decimal>("SELECT commission_rate FROM hks_orphaned.broker_profiles WHERE portfolio_id = 'HKEX_NonTech'"));
    }

    [Theory]
    [InlineData("commission_rate", "0.03")]
    [InlineData("commission_rate", "-0.0001")]
    [InlineData("commission_minimum", "-1")]
    [InlineData("platform_fee", "-0.01")]
    public async Task TheTableRefuses_WhatNoBrokerCharges_EvenWrittenDirectly(string column, string value)
    {
        await using var db = await DemoDatabases.RichAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            db.ExecuteAsync($"INSERT INTO broker_profiles (portfolio_id, {column}) VALUES ('My_HKEX_ALL', {value})"));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
    }

    [Fact]
    public async Task AProfileIsSetChangedAndRemoved_AndWithoutOneATradePaysNoCommission()
    {
        await using var db = await DemoDatabases.RichAsync();
        await using var connection = await db.OpenAsync();
        Assert.Equal(BrokerProfile.None, await BrokerProfileStore.ChargedAsync(connection, "My_HKEX_ALL", CancellationToken.None));

        await BrokerProfileStore.SetAsync(connection, new StoredBrokerProfile("My_HKEX_ALL", "Futu", 0.0003m, 3m, 15m), CancellationToken.None);
        await BrokerProfileStore.SetAsync(connection, new StoredBrokerProfile("My_HKEX_ALL", "Futu", 0.0003m, 3m, 0m), CancellationToken.None);
        Assert.Equal(new BrokerProfile(0.0003m, 3m, 0m), await BrokerProfileStore.ChargedAsync(connection, "My_HKEX_ALL", CancellationToken.None));

        Assert.True(await BrokerProfileStore.RemoveAsync(connection, "My_HKEX_ALL", CancellationToken.None));
        Assert.False(await BrokerProfileStore.RemoveAsync(connection, "My_HKEX_ALL", CancellationToken.None));
        Assert.Null(await BrokerProfileStore.FindAsync(connection, "My_HKEX_ALL", CancellationToken.None));
    }
}
