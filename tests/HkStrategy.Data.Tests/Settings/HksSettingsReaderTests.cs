using HkStrategy.Core.Failures;
using HkStrategy.Data.Settings;

namespace HkStrategy.Data.Tests.Settings;

public sealed class HksSettingsReaderTests
{
    private static HksSettings Read(params (string Name, string Value)[] variables) =>
        HksSettingsReader.Read(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void NothingSet_GivesTheDefaults()
    {
        var settings = Read();

        Assert.Empty(settings.Problems);
        Assert.EndsWith(".hkstrategy", settings.Home.Root, StringComparison.Ordinal);
        Assert.Null(settings.DatabaseUrl);
        Assert.Equal("postgres", settings.ServiceUser);
        Assert.Equal(HksSettings.DefaultPriceSource, settings.PriceSource);
        Assert.Null(settings.DashboardPassword);
        Assert.Null(settings.DashboardTlsProxy);
    }

    [Fact]
    public void EverySetting_IsReadFromItsVariable()
    {
        var settings = Read(("HKS_HOME", "/srv/hks"), ("HKS_DATABASE_URL", "postgres://me:pw@db.example:6543/books"),
            ("HKS_PG_BINDIR", "/opt/pg/bin"), ("PATH", "/usr/bin:/bin"), ("HKS_SERVICE_USER", "pg_runner"),
            ("HKS_PRICE_SOURCE_URL", "http://127.0.0.1:9/"), ("HKS_DASHBOARD_PASSWORD", "s3cret"),
            ("HKS_DASHBOARD_TLS_PROXY", "10.0.0.7"), ("HKS_KILL_AT", "restore.before-switch"));

        Assert.Empty(settings.Problems);
        Assert.Equal("/srv/hks", settings.Home.Root);
        Assert.Contains("Host=db.example", settings.DatabaseUrl, StringComparison.Ordinal);
        Assert.Equal("/opt/pg/bin", settings.ServerProgramsFolder);
        Assert.Equal(["/usr/bin", "/bin"], settings.SearchPath);
        Assert.Equal("pg_runner", settings.ServiceUser);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), settings.PriceSource);
        Assert.Equal("s3cret", settings.DashboardPassword);
        Assert.Equal(System.Net.IPAddress.Parse("10.0.0.7"), settings.DashboardTlsProxy);
        Assert.Equal("restore.before-switch", settings.KillAt);
    }

    [Theory]
    [InlineData("HKS_DATABASE_URL", "not a url", "InvalidDatabaseUrl")]
    [InlineData("HKS_DATABASE_URL", "postgres://", "InvalidDatabaseUrl")]
    [InlineData("HKS_PRICE_SOURCE_URL", "file:///etc/passwd", "InvalidPriceSource")]
    [InlineData("HKS_PRICE_SOURCE_URL", "query1.finance.yahoo.com", "InvalidPriceSource")]
    [InlineData("HKS_DASHBOARD_TLS_PROXY", "proxy.local", "InvalidTlsProxy")]
    [InlineData("HKS_SERVICE_USER", "postgres; rm -rf /", "InvalidServiceUser")]
    [InlineData("HKS_SERVICE_USER", "-u", "InvalidServiceUser")]
    [InlineData("HKS_HOME", "/tmp/a\0b", "InvalidSetting")]
    public void AHostileValue_IsAProblemNamedInOneLine_NeverAGuess(string variable, string value, string name)
    {
        var settings = Read((variable, value));

        var problem = Assert.Single(settings.Problems);
        Assert.Equal(name, problem.Name);
        Assert.Contains(variable, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message);
        var refusal = Assert.Throws<HksException>(() => settings.RequireValid());
        Assert.Equal(ExitCode.Usage, refusal.ExitCode);
    }

    [Fact]
    public void Printed_TheSettingsNeverShowAPassword()
    {
        var settings = Read(("HKS_DATABASE_URL", "postgres://me:hunter2@db.example/books"), ("HKS_DASHBOARD_PASSWORD", "opensesame"));

        var printed = settings.ToString();

        Assert.DoesNotContain("hunter2", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("opensesame", printed, StringComparison.Ordinal);
        Assert.Contains("postgres://me:****@db.example:5432/books", printed, StringComparison.Ordinal);
    }
}
