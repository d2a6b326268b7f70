using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using Npgsql;

namespace HkStrategy.Data.Tests.Connection;

public sealed class ConnectionStringsTests
{
    [Fact]
    public void PostgresUrl_BecomesAConnectionString_WithEscapedCredentials()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStrings.Normalize("postgres://trader:p%40ss%3Aword@db.example:6543/hk_strategy?sslmode=require"));

        Assert.Equal(("db.example", 6543, "trader", "p@ss:word", "hk_strategy", SslMode.Require),
            (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.SslMode));
    }

    [Fact]
    public void UrlWithoutDatabase_DefaultsToHkStrategy() =>
        Assert.Equal("hk_strategy", new NpgsqlConnectionStringBuilder(ConnectionStrings.Normalize("postgresql://localhost")).Database);

    [Fact]
    public void Mask_NeverShowsThePassword()
    {
        var masked = ConnectionStrings.Mask("Host=127.0.0.1;Port=5432;Username=hks;Password=topsecret;Database=hk_strategy");

        Assert.Equal("postgres://hks:****@127.0.0.1:5432/hk_strategy", masked);
        Assert.Equal(masked, new DatabaseTarget("Host=127.0.0.1;Port=5432;Username=hks;Password=topsecret;Database=hk_strategy", false).ToString());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("postgres://")]
    [InlineData("Database=x")]
    public void Garbage_IsAUsageError(string value) =>
        Assert.Equal(ExitCode.Usage, Assert.Throws<HksException>(() => ConnectionStrings.Normalize(value)).ExitCode);
}
