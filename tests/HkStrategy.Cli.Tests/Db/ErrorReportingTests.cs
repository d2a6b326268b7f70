using HkStrategy.Testing;
using Npgsql;

namespace HkStrategy.Cli.Tests.Db;

/// <summary>Bad input and broken environments give one line on stderr and the documented exit code, never a stack trace.</summary>
public sealed class ErrorReportingTests : IClassFixture<TestDatabase>
{
    private readonly TestDatabase _database;

    public ErrorReportingTests(TestDatabase database) => _database = database;

    [Fact]
    public async Task UnreachableServer_IsOneLineWithExitCode3_AndThePasswordMasked()
    {
        var run = await HksProcess.RunAsync(["db", "status", "--database", "postgres://trader:s3cret-pw@127.0.0.1:1/hk_strategy"]);

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("[ServerUnreachable]", line, StringComparison.Ordinal);
        Assert.Contains("trader:****@127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", run.Error + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsOneLineWithExitCode3()
    {
        var wrong = new NpgsqlConnectionStringBuilder(_database.Target.ConnectionString) { Password = "not-the-password" };

        var run = await HksProcess.RunAsync(["db", "status", "--database", wrong.ConnectionString]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("[WrongPassword]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingServerBinaries_SayHowToInstallThemWithExitCode3()
    {
        var home = Directory.CreateTempSubdirectory("hks-nobin-").FullName;

        var run = await HksProcess.RunAsync(["db", "status"], new Dictionary<string, string?>
        {
            ["HKS_HOME"] = home,
            ["HKS_PG_BINDIR"] = Path.Combine(home, "no-binaries-here"),
        });

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("apt-get install postgresql", line, StringComparison.Ordinal);
        Assert.Contains("[ServerBinariesMissing]", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db", "migrate", "--to", "two")]
    [InlineData("db", "frobnicate")]
    [InlineData("db", "rollback")]
    public async Task UsageErrors_AreOneLineWithExitCode2(params string[] args)
    {
        var run = await HksProcess.RunAsync([.. args, "--database", _database.Target.ConnectionString]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task InvalidDatabaseUrl_IsAUsageError()
    {
        var run = await HksProcess.RunAsync(["db", "status", "--database", "not a url"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[InvalidDatabaseUrl]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
