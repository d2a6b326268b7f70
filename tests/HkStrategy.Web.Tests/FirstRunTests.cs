using System.Net;
using HkStrategy.Data.Embedded;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

public sealed class FirstRunTests
{
    [Fact]
    public async Task FirstRun_OnTheEmbeddedDefault_MigratesSeedsTheDemoAndShowsItsTotal()
    {
        var home = Directory.CreateTempSubdirectory("hks-web-first-run-").FullName;
        var environment = new Dictionary<string, string?> { ["HKS_HOME"] = home };
        try
        {
            await using var dashboard = await DashboardProcess.StartAsync(environment);
            using var http = new HttpClient { BaseAddress = dashboard.Address };

            var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
            var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

            Assert.Contains("My HKEX Full Portfolio", page, StringComparison.Ordinal);
            Assert.Contains("<th class=\"n\" id=\"total-value\">4,052,660.20</th>", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.DoesNotContain(await File.ReadAllTextAsync(Path.Combine(home, "password")), dashboard.Output, StringComparison.Ordinal);
        }
        finally
        {
            await new EmbeddedCluster(TestEnvironment.WithHome(home)).StopAsync(CancellationToken.None);
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task ExternalDatabase_IsNeverChangedAtStartUp_AndReadinessSaysWhy()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeV1);
        var before = await TableSnapshot.TakeAsync(db);

        await using (var dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string?>(), "--database", db.Target.ConnectionString))
        {
            using var http = new HttpClient { BaseAddress = dashboard.Address };
            var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("pending", await http.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        }

        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }
}
