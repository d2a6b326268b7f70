using System.Diagnostics;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Serve;

/// <summary><c>hks serve</c>: the dashboard on the database the other commands use, with the dashboard's own guards.</summary>
public sealed class ServeCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Serve_BeyondLoopbackWithoutAPassword_RefusesInOneLine()
    {
        var run = await HksProcess.RunAsync(["serve", "--urls", "http://0.0.0.0:0", "--database", database.Target.ConnectionString]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("[DashboardPasswordRequired]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_StartsTheDashboardOnTheGivenDatabase_AndAnnouncesWhereItListens()
    {
        await database.MigrateAsync();
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "hks.dll"), "serve", "--urls", "http://127.0.0.1:0", "--database", database.Target.ConnectionString])
        {
            startInfo.ArgumentList.Add(arg);
        }
        startInfo.Environment["HKS_HOME"] = TestEnvironment.Home;
        using var process = Process.Start(startInfo)!;
        try
        {
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }
            while (line is not null && !line.StartsWith("HK Strategy dashboard: ", StringComparison.Ordinal));
            Assert.NotNull(line);
            using var http = new HttpClient { BaseAddress = new Uri(line["HK Strategy dashboard: ".Length..]) };

            var ready = await http.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
            var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));

            Assert.Contains("\"status\":\"ready\"", ready, StringComparison.Ordinal);
            Assert.Contains("<h1>Portfolios</h1>", page, StringComparison.Ordinal);
            Assert.Contains("--accent", await http.GetStringAsync(new Uri("/css/site.css", UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
