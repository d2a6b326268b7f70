using HkStrategy.Core.Failures;
using HkStrategy.Operations.Legacy;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Legacy;

public sealed class PlainSqlLoaderTests
{
    [Fact]
    public async Task OwnershipAndGrants_ForRolesThatNeedNotExist_AreLeftOut()
    {
        var mapped = await PlainSqlLoader.MapOwnershipAsync(Fixtures.PrototypeTransitional, CancellationToken.None);

        Assert.DoesNotContain(mapped.Split('\n'), line => line.StartsWith("ALTER", StringComparison.Ordinal) && line.Contains("OWNER TO trader", StringComparison.Ordinal));
        Assert.Contains("CREATE FUNCTION public.update_strategy_timestamp()", mapped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenDump_LoadsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var broken = Path.Combine(Directory.CreateTempSubdirectory("hks-broken-").FullName, "broken.sql");
        await File.WriteAllTextAsync(broken, "CREATE TABLE first_table (id int);\nCREATE TABLE oops (id nonexistent_type);\n");

        var error = await Assert.ThrowsAsync<HksException>(() => PlainSqlLoader.LoadAsync(db.Database, broken, CancellationToken.None));

        Assert.Equal("SqlLoadFailed", error.Name);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.first_table') IS NOT NULL"));
    }
}
