using HkStrategy.Data.Schema;

namespace HkStrategy.Data.Tests.Schema;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void EmbeddedMigrations_RunFromOneWithoutGaps_EachWithUpAndDown()
    {
        var catalog = MigrationCatalog.Embedded;

        Assert.Equal(Enumerable.Range(1, catalog.Latest), catalog.Migrations.Select(m => m.Version));
        Assert.All(catalog.Migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.UpSql) || string.IsNullOrWhiteSpace(m.DownSql)));
    }

    [Fact]
    public void Checksum_CoversWhatWasApplied_TheUpScript_IgnoringLineEndings()
    {
        var migration = new Migration(1, "x", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");

        Assert.NotEqual(migration.Sha256, (migration with { UpSql = "CREATE TABLE b (id int);\n" }).Sha256);
        Assert.Equal(migration.Sha256, (migration with { DownSql = "DROP TABLE a CASCADE;\n" }).Sha256);
        Assert.Equal(migration.Sha256, new Migration(1, "x", "CREATE TABLE a (id int);\r\n", "DROP TABLE a;\r\n").Sha256);
    }
}
