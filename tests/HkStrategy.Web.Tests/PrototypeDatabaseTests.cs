using System.Net;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>The dashboard on the prototype's own "schema 2.0" as its scripts left it: waiting for its adoption, then ready with its portfolios.</summary>
public sealed class PrototypeDatabaseTests
{
    [Theory]
    [InlineData("v2", "My_HKEX_ALL,HKEX_NonTech,Backup_HKEXALL,MyHKEX_Tech,HKEXALL_Backup")]
    [InlineData("v2-after-new-analysis", "My_HKEX_ALL,HKEX_NonTech,Backup_HKEXALL,MyHKEX_Tech,HKEXALL_Backup")]
    [InlineData("v1-migrated", "DEFAULT")]
    public async Task OnThePrototypesV2Shapes_TheDashboardWaitsForTheMigration_ThenIsReadyAndShowsThePortfolios(string shape, string ids)
    {
        await using var db = await PrototypeDatabases.ShapeAsync(shape);
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
            var answer = await client.GetAsync(new Uri("/portfolios", UriKind.Relative));
            Assert.True(answer.IsSuccessStatusCode, after.Output);
            var portfolios = await answer.Content.ReadAsStringAsync();
            foreach (var id in ids.Split(','))
            {
                Assert.Contains(id, portfolios, StringComparison.Ordinal);
            }
            Assert.Contains("4,052,660.20", await client.GetStringAsync(new Uri($"/portfolios/{ids.Split(',')[0]}", UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
