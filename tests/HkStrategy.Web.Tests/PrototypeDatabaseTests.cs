using System.Net;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>The dashboard on the prototype's own "schema 2.0": waiting for its adoption, then ready with its portfolios.</summary>
public sealed class PrototypeDatabaseTests
{
    [Fact]
    public async Task OnThePrototypesV2_TheDashboardWaitsForTheMigration_ThenIsReadyAndShowsThePortfolios()
    {
        await using var db = await PrototypeDatabases.PrototypeV2Async();
        var home = Directory.CreateTempSubdirectory("hks-web-prototype-").FullName;
        try
        {
            await using (var before = await DashboardProcess.StartAsync(new Dictionary<string, string?> { ["HKS_HOME"] = home }, "--database", db.Target.ConnectionString))
            {
                using var http = new HttpClient { BaseAddress = before.Address };
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            }

            await db.MigrateAsync();

            await using var after = await DashboardProcess.StartAsync(new Dictionary<string, string?> { ["HKS_HOME"] = home }, "--database", db.Target.ConnectionString);
            using var client = new HttpClient { BaseAddress = after.Address };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            var portfolios = await client.GetStringAsync(new Uri("/portfolios", UriKind.Relative));
            foreach (var id in new[] { "My_HKEX_ALL", "HKEX_NonTech", "Backup_HKEXALL", "MyHKEX_Tech", "HKEXALL_Backup" })
            {
                Assert.Contains(id, portfolios, StringComparison.Ordinal);
            }
            Assert.Contains("4,052,660.20", await client.GetStringAsync(new Uri("/portfolios/My_HKEX_ALL", UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
