using HkStrategy.Data.Processes;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Db;

public sealed class EmbeddedDatabaseTests
{
    [Fact]
    public async Task TwoProcessesAtOnce_OnAFreshHome_ShareOneServer_WhoseUrlWorksWithPsqlAndHoldsNoPassword()
    {
        var home = Directory.CreateTempSubdirectory("hks-embedded-").FullName;
        var environment = new Dictionary<string, string?> { ["HKS_HOME"] = home };
        try
        {
            var runs = await Task.WhenAll(
                HksProcess.RunAsync(["db", "url"], environment),
                HksProcess.RunAsync(["db", "url"], environment));

            Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
            Assert.Equal(runs[0].Out, runs[1].Out);
            var url = runs[0].Out.Trim();
            Assert.StartsWith("postgresql://hks@127.0.0.1:", url, StringComparison.Ordinal);
            Assert.DoesNotContain((await File.ReadAllTextAsync(Path.Combine(home, "password"))).Trim(), url, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(home, "password")));
            var psql = await ProcessRunner.RunAsync("psql", [url, "-XAtc", "SELECT current_database()"], CancellationToken.None);
            Assert.Equal("hk_strategy", psql.StandardOutput.Trim());
        }
        finally
        {
            var stop = await HksProcess.RunAsync(["db", "stop"], environment);
            Assert.Equal(0, stop.ExitCode);
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task AFirstRunInterruptedBeforeTheDatabaseWasCreated_HealsOnTheNextCommand()
    {
        var home = Directory.CreateTempSubdirectory("hks-heal-").FullName;
        var environment = new Dictionary<string, string?> { ["HKS_HOME"] = home };
        try
        {
            var url = (await HksProcess.RunAsync(["db", "url"], environment)).Out.Trim();
            var maintenance = url.Replace("/hk_strategy?", "/postgres?", StringComparison.Ordinal);
            var drop = await ProcessRunner.RunAsync("psql", [maintenance, "-Xqc", "DROP DATABASE hk_strategy"], CancellationToken.None);
            Assert.True(drop.Succeeded, drop.StandardError);

            var status = await HksProcess.RunAsync(["db", "status", "--json"], environment);

            Assert.Equal(1, status.ExitCode); // pending migrations: an empty, working database
            Assert.Contains("\"detectedShape\": \"empty\"", status.Out, StringComparison.Ordinal);
        }
        finally
        {
            await HksProcess.RunAsync(["db", "stop"], environment);
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task Stop_ThenAnyCommand_StartsTheServerAgainWithTheSameData()
    {
        var home = Directory.CreateTempSubdirectory("hks-restart-").FullName;
        var environment = new Dictionary<string, string?> { ["HKS_HOME"] = home };
        try
        {
            Assert.Equal(0, (await HksProcess.RunAsync(["db", "seed", "--demo"], environment)).ExitCode);
            Assert.Equal("embedded PostgreSQL stopped", (await HksProcess.RunAsync(["db", "stop"], environment)).Out.Trim());

            var status = await HksProcess.RunAsync(["db", "status", "--json"], environment);

            Assert.Equal(0, status.ExitCode);
            Assert.Contains("\"marketValue\": 4052660.20", status.Out, StringComparison.Ordinal);
        }
        finally
        {
            await HksProcess.RunAsync(["db", "stop"], environment);
            Directory.Delete(home, recursive: true);
        }
    }
}
