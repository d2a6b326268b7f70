using Microsoft.Playwright;

namespace HkStrategy.Web.Tests;

/// <summary>
/// The analysis and signal pages in a real browser: charts drawn from the page's JSON, filters that follow typing,
/// and not one console error. Chromium comes from HKS_CHROMIUM, else /usr/bin/chromium, else Playwright's own.
/// </summary>
public sealed class AnalysisChartsTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task AnalysisPage_InABrowser_DrawsBothChartsWithoutConsoleErrors()
    {
        var run = await KnownAnalyses.CreateAsync(dashboard.Db, "Drawn in a browser", months: 3);
        await using var browser = await BrowserPage.OpenAsync(dashboard.Address);

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
        await using var browser = await BrowserPage.OpenAsync(dashboard.Address);

        await browser.Page.GotoAsync($"/analyses/compare?a={a.Id}&b={b.Id}");

        await browser.Page.Locator("#value-chart canvas").WaitForAsync();
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    [Fact]
    public async Task SignalsPage_InABrowser_FiltersAsYouTypeAndRemembersTheFilterInTheUrl()
    {
        await KnownSignals.EnsureAsync(dashboard.Db);
        await using var browser = await BrowserPage.OpenAsync(dashboard.Address);
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

    /// <summary>One browser with one page, collecting console errors and uncaught exceptions.</summary>
    private sealed class BrowserPage : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page)
        {
            _playwright = playwright;
            _browser = browser;
            Page = page;
            page.Console += (_, message) =>
            {
                // The dashboard has no favicon yet (the layout's to add): that one 404 is the browser's, not these pages'.
                if (message.Type == "error" && !message.Location.EndsWith("/favicon.ico:0:0", StringComparison.Ordinal))
                {
                    Errors.Add($"{message.Text} ({message.Location})");
                }
            };
            page.PageError += (_, error) => Errors.Add(error);
        }

        public IPage Page { get; }

        public List<string> Errors { get; } = [];

        public static async Task<BrowserPage> OpenAsync(Uri address)
        {
            var playwright = await Playwright.CreateAsync();
            var chromium = Environment.GetEnvironmentVariable("HKS_CHROMIUM") is { Length: > 0 } configured ? configured
                : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = ["--no-sandbox"] });
            var page = await browser.NewPageAsync(new() { BaseURL = address.ToString() });
            return new BrowserPage(playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
