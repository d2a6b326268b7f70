using System.Net;

namespace HkStrategy.Web.Tests;

/// <summary>Every page and API endpoint answers for the demo state, as HTML or JSON, without an error in the log.</summary>
public sealed class EveryPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/portfolios", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL?q=tech&sort=pnl&dir=desc", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL?edit=0700.HK", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL?remove=0700.HK", "text/html")]
    [InlineData("/portfolios/HKEX_NonTech", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/manage", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/activities", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/activities?symbol=700&type=opening&from=2020-01-01&p=2", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/activities?edit=1&history=1", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/activities?remove=1", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/activities/import", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/activities/export", "text/csv")]
    [InlineData("/portfolios/My_HKEX_ALL/activities/export?format=ghostfolio", "application/json")]
    [InlineData("/portfolios/My_HKEX_ALL/activities/export?format=wealthfolio", "text/csv")]
    [InlineData("/portfolios/My_HKEX_ALL/performance", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/performance?benchmark=^HSI&baseline=2025-01-02", "text/html")]
    [InlineData("/equity/0700.HK?portfolio=My_HKEX_ALL", "text/html")]
    [InlineData("/equity/0005.HK", "text/html")]
    [InlineData("/signals", "text/html")]
    [InlineData("/signals?side=S&minStrength=3", "text/html")]
    [InlineData("/analyses", "text/html")]
    [InlineData("/status", "text/html")]
    [InlineData("/backups", "text/html")]
    [InlineData("/portfolios/My_HKEX_ALL/export.json", "application/json")]
    [InlineData("/portfolios/My_HKEX_ALL/export.csv", "text/csv")]
    [InlineData("/api/portfolios", "application/json")]
    [InlineData("/api/portfolios/My_HKEX_ALL", "application/json")]
    [InlineData("/api/portfolios/My_HKEX_ALL/positions", "application/json")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities", "application/json")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities?symbol=0700.HK&limit=1", "application/json")]
    [InlineData("/api/portfolios/My_HKEX_ALL/activities/1/journal", "application/json")]
    [InlineData("/api/portfolios/My_HKEX_ALL/performance", "application/json")]
    [InlineData("/api/equity/0700.HK", "application/json")]
    [InlineData("/api/signals", "application/json")]
    [InlineData("/api/analyses", "application/json")]
    [InlineData("/api/status", "application/json")]
    [InlineData("/api/backups", "application/json")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/health/live", "application/json")]
    [InlineData("/health/ready", "application/json")]
    public async Task EveryPageAndEndpoint_AnswersForTheDemoState(string path, string mediaType)
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("fail:", dashboard.Output, StringComparison.Ordinal);
    }
}
