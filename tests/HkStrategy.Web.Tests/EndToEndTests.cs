using Microsoft.Playwright;

namespace HkStrategy.Web.Tests;

/// <summary>The dashboard in a real headless Chromium, the way a user goes through it; screenshots of each page are kept.</summary>
public sealed class EndToEndTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    private static readonly PageWaitForFunctionOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task AUser_SwitchesPortfolios_CreatesOne_AddsAPosition_ChartsAnEquity_BacksUp_AndRestoresOnePortfolio()
    {
        await using var browser = await Browser.StartAsync(dashboard.Address);
        try
        {
            await WalkThroughAsync(browser);
        }
        catch (Exception stopped)
        {
            await browser.ScreenshotAsync("failure");
            throw new InvalidOperationException($"the walk-through stopped at {browser.Page.Url} (screenshots/failure.png): {string.Join("; ", browser.Errors)}", stopped);
        }

        Assert.Empty(browser.Errors);
        Assert.DoesNotContain("fail:", dashboard.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", dashboard.Output, StringComparison.Ordinal);
    }

    private static async Task WalkThroughAsync(Browser browser)
    {
        var page = browser.Page;

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#total-value")).ToHaveTextAsync("4,052,660.20");
        await browser.ScreenshotAsync("01-portfolios");

        await page.ClickAsync("a[href='/portfolios/My_HKEX_ALL']");
        await Assertions.Expect(page.Locator("#portfolio-value")).ToHaveTextAsync("HK$4,052,660.20");
        await page.WaitForFunctionAsync("() => document.querySelector('#sector-chart canvas') !== null", null, Patiently);
        await browser.ScreenshotAsync("02-portfolio");
        await page.Locator("#switch-id").SelectOptionAsync("MyHKEX_Tech");
        // Expect (rather than WaitForURL) names the address the browser did reach if it is not this one.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portfolios/MyHKEX_Tech$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("MyHKEX_Tech");

        await page.GotoAsync("/");
        await page.FillAsync("#Create_Id", "E2E_Book");
        await page.FillAsync("#Create_Name", "End-to-end book");
        await page.ClickAsync("#create-portfolio button[type=submit]");
        await page.WaitForURLAsync("**/portfolios/E2E_Book");
        await Assertions.Expect(page.Locator("#portfolio-value")).ToHaveTextAsync("HK$0.00");

        await page.FillAsync("#add-symbol", "700");
        await page.FillAsync("#f-quantity", "100");
        await page.FillAsync("#f-cost", "300");
        await page.FillAsync("#f-price", "350");
        await page.ClickAsync("#add-position button[type=submit]");
        await Assertions.Expect(page.Locator("#portfolio-value")).ToHaveTextAsync("HK$35,000.00");
        await Assertions.Expect(page.Locator("#total-pnl")).ToHaveTextAsync("+5,000.00");
        await browser.ScreenshotAsync("03-position-added");

        await page.GotoAsync("/equity/0700.HK?portfolio=My_HKEX_ALL");
        await page.WaitForFunctionAsync(DrawnCanvas("#equity-chart"), null, Patiently);
        await browser.ScreenshotAsync("04-equity");

        await page.GotoAsync("/backups");
        await page.ClickAsync("#create-backup button[type=submit]");
        await Assertions.Expect(page.Locator("#job-outcome")).ToContainTextAsync("written and verified", new() { Timeout = 60_000 });
        var outcome = await page.Locator("#job-outcome").InnerTextAsync();
        var file = outcome["Backup ".Length..outcome.IndexOf(" written", StringComparison.Ordinal)];
        await browser.ScreenshotAsync("05-backup-done");

        await page.GotoAsync("/portfolios/E2E_Book?remove=0700.HK");
        await page.FillAsync("#confirm-remove", "0700.HK");
        await page.ClickAsync("#remove-form button[type=submit]");
        await Assertions.Expect(page.Locator("#portfolio-value")).ToHaveTextAsync("HK$0.00", new() { Timeout = 60_000 });

        await page.GotoAsync($"/backups/{file}/restore");
        await browser.ScreenshotAsync("06-restore");
        await page.Locator("#Portfolio").SelectOptionAsync("E2E_Book");
        await page.ClickAsync("#restore-portfolio button[formaction*='Preview']");
        await Assertions.Expect(page.Locator("#job-outcome")).ToContainTextAsync("would change", new() { Timeout = 60_000 });
        await page.ClickAsync("#job-next");
        await page.FillAsync("#confirm-portfolio", "E2E_Book");
        await page.ClickAsync("#confirm-portfolio-restore button[type=submit]");
        await Assertions.Expect(page.Locator("#job-outcome")).ToContainTextAsync("Portfolio E2E_Book: changed", new() { Timeout = 60_000 });
        await page.ClickAsync("#job-next");
        await Assertions.Expect(page.Locator("#portfolio-value")).ToHaveTextAsync("HK$35,000.00");

        foreach (var (path, name) in new[] { ("/signals", "07-signals"), ("/analyses", "08-analyses"), ("/status", "09-status"), ("/backups", "10-backups") })
        {
            await page.GotoAsync(path);
            await browser.ScreenshotAsync(name);
        }
    }

    /// <summary>True once a canvas inside the element has pixels drawn on it.</summary>
    private static string DrawnCanvas(string selector) => $$"""
        () => [...document.querySelectorAll('{{selector}} canvas')].some(c => {
            if (c.width === 0 || c.height === 0) return false;
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < data.length; i += 4 * 16) { if (data[i] !== 0) return true; }
            return false;
        })
        """;
}
