using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

public sealed class StatusPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task TablesAndViewsHksDoesNotManage_AreShownWithTheirRows()
    {
        await dashboard.Db.ExecuteAsync(await File.ReadAllTextAsync(Fixtures.Path("prototype", "dashboard_technicals.sql")));
        using var client = dashboard.Client();

        var rows = PageHtml.Rows(await client.GetStringAsync(new Uri("/status", UriKind.Relative)), "unmanaged");

        Assert.Equal([["daily_equity_technicals", "table", "3"], ["latest_equity_technicals", "view", ""]], rows);
    }
}
