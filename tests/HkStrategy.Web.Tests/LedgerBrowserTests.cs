using System.Globalization;
using HkStrategy.Testing;
using Microsoft.Playwright;

namespace HkStrategy.Web.Tests;

/// <summary>In a real headless Chromium: a trade recorded on the Activities page changes the position, its costs and the performance.</summary>
public sealed class LedgerBrowserTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task AUser_RecordsATrade_AndSeesThePositionTheCostsAndThePerformanceChange()
    {
        await dashboard.Db.ExecuteAsync("INSERT INTO portfolios (portfolio_id, name) VALUES ('E2E_Ledger', 'Ledger book')");
        var day = await dashboard.Db.ScalarAsync<DateOnly>("SELECT MAX(trade_date) FROM daily_bars WHERE symbol = '0700.HK'");
        var close = await dashboard.Db.ScalarAsync<decimal>("SELECT close FROM daily_bars WHERE symbol = '0700.HK' AND trade_date = @day", new { day });
        var price = close - 10m;
        await using var browser = await Browser.StartAsync(dashboard.Address);
        try
        {
            var page = browser.Page;
            await page.GotoAsync("/portfolios/E2E_Ledger/performance");
            await Assertions.Expect(page.Locator("#costs")).ToHaveTextAsync("HK$0.00");
            await Assertions.Expect(page.Locator("#unrealized-pnl")).ToHaveTextAsync("0.00");

            await page.GotoAsync("/portfolios/E2E_Ledger");
            await page.ClickAsync("#activities-link");
            await page.Locator("#a-type").SelectOptionAsync("buy");
            await page.FillAsync("#a-date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.FillAsync("#a-symbol", "700");
            await page.FillAsync("#a-quantity", "100");
            await page.FillAsync("#a-price", price.ToString(CultureInfo.InvariantCulture));
            await page.ClickAsync("#add-activity button[type=submit]");
            await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("recorded activity");
            var costs = await dashboard.Db.ScalarAsync<decimal>(
                "SELECT stamp_duty + sfc_levy + afrc_levy + trading_fee + settlement_fee + commission FROM activities WHERE portfolio_id = 'E2E_Ledger'");
            Assert.True(costs > 2m, $"a trade of HK${100 * price} pays Hong Kong's costs, not {costs}");
            await Assertions.Expect(page.Locator("#message")).ToContainTextAsync($"costs HK${Money(costs)}; 0700.HK now 100 shares");
            await browser.ScreenshotAsync("11-activity-recorded");

            await page.Locator("#a-type").SelectOptionAsync("deposit");
            await page.FillAsync("#a-amount", "100000");
            await page.ClickAsync("#add-activity button[type=submit]");
            await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("recorded activity");

            await page.GotoAsync("/portfolios/E2E_Ledger");
            await Assertions.Expect(page.Locator("#portfolio-positions")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("#row-0700\\.HK td").Nth(3)).ToHaveTextAsync("100");
            await Assertions.Expect(page.Locator("#todays-activities")).ToContainTextAsync("deposit of 100,000.00");

            await page.ClickAsync("#performance-link");
            await Assertions.Expect(page.Locator("#costs")).ToHaveTextAsync($"HK${Money(costs)}");
            await Assertions.Expect(page.Locator("#unrealized-pnl")).ToHaveTextAsync("+" + Money(1000m - costs));
            await page.WaitForFunctionAsync("() => document.querySelector('#performance-chart canvas') !== null", null, new() { Timeout = 30_000 });
            await browser.ScreenshotAsync("12-performance");
        }
        catch (Exception stopped)
        {
            await browser.ScreenshotAsync("ledger-failure");
            throw new InvalidOperationException($"the ledger walk-through stopped at {browser.Page.Url} (screenshots/ledger-failure.png): {string.Join("; ", browser.Errors)}", stopped);
        }

        Assert.Empty(browser.Errors);
        Assert.DoesNotContain("fail:", dashboard.Output, StringComparison.Ordinal);
    }

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);
}
