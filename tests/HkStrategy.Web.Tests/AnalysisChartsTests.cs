using Microsoft.Playwright;

namespace HkStrategy.Web.Tests;

/// <summary>The analysis and signal pages in a real browser: charts drawn from the page's JSON, filters that follow typing, and not one console error.</summary>
public sealed class AnalysisChartsTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task AnalysisPage_InABrowser_DrawsBothChartsWithoutConsoleErrors()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Drawn in a browser", months: 3);
        await using var browser = await Browser.StartAsync(dashboard.Address);

        await browser.Page.GotoAsync($"/analyses/{run.Id}");

        await browser.Page.Locator("#value-chart canvas").WaitForAsync();
        await browser.Page.Locator("#drawdown-chart canvas").WaitForAsync();
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    [Fact]
    public async Task ComparePage_InABrowser_DrawsBothSeriesWithoutConsoleErrors()
    {
        var a = await KnownAnalyses.CreateAsync(dashboard.Db, "Browser compare A", months: 2);
        var b = await KnownAnalyses.CreateAsync(dashboard.Db, "Browser compare B", months: 4);
        await using var browser = await Browser.StartAsync(dashboard.Address);

        await browser.Page.GotoAsync($"/analyses/compare?a={a.Id}&b={b.Id}");

        await browser.Page.Locator("#value-chart canvas").WaitForAsync();
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    [Fact]
    public async Task SignalsPage_InABrowser_FiltersAsYouTypeAndRemembersTheFilterInTheUrl()
    {
        await KnownSignals.EnsureAsync(dashboard.Db);
        await using var browser = await Browser.StartAsync(dashboard.Address);
        await browser.Page.GotoAsync("/signals");

        await browser.Page.Locator("#Symbol").FillAsync("388");
        await browser.Page.WaitForURLAsync(url => url.Contains("Symbol=388", StringComparison.Ordinal));
        await browser.Page.Locator("#signals tbody tr").First.WaitForAsync();
        var symbols = await browser.Page.Locator("#signals tbody tr td:nth-child(3)").AllInnerTextsAsync();

        Assert.NotEmpty(symbols);
        Assert.All(symbols, symbol => Assert.Equal("0388.HK", symbol));
        await browser.Page.Locator("#Symbol").FillAsync("abc");
        await browser.Page.Locator("#symbol-error", new() { HasTextString = "is not an HKEX symbol" }).WaitForAsync();
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }
}
