using Microsoft.Playwright;

namespace HkStrategy.Web.Tests;

public sealed class EquityChartBrowserTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task EquityChart_InABrowser_DrawsItsPanesWithoutErrors_AndShowsASignalsEvidenceOnHover()
    {
        // Given a buy and a sell signal of 0700.HK in a portfolio of their own (the demo's signals are all holds)
        var days = await dashboard.Db.QueryAsync<DateOnly>("SELECT trade_date FROM daily_bars WHERE symbol = '0700.HK' ORDER BY trade_date DESC LIMIT 40");
        await dashboard.Db.ExecuteAsync(
            """
            INSERT INTO portfolios (portfolio_id, name) VALUES ('Equity_Browser', 'Browser');
            INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost) VALUES ('Equity_Browser', '0700.HK', 'Tencent Holdings Ltd', 100, 500);
            INSERT INTO position_rules (portfolio_id, symbol, target_sell, stop_loss, add_zone_low, add_zone_high) VALUES ('Equity_Browser', '0700.HK', 680, 520, 560, 580);
            INSERT INTO signal_runs (id, portfolio_id, as_of, parameters, program_version, signal_count) VALUES (9001, 'Equity_Browser', @buy, '{}', 'test', 2);
            INSERT INTO signals (run_id, portfolio_id, symbol, trade_date, code, strategy_code, strength, close, evidence) VALUES
                (9001, 'Equity_Browser', '0700.HK', @buy, 'BBRK9', 'BBRK', 9, 600, '{"reasons": ["EMA5 above EMA20 (test)", "close above the 20-day high (test)"], "veto": null}'),
                (9001, 'Equity_Browser', '0700.HK', @sell, 'SBRK3', 'SBRK', 3, 600, '{"reasons": ["close below EMA50 (test)"], "veto": null}');
            """, new { buy = days[12], sell = days[4] });
        await using var session = await Browser.StartAsync(dashboard.Address);
        var page = session.Page;
        var errors = session.Errors;

        // When the last 40 bars are shown
        await page.GotoAsync($"/equity/0700.HK?portfolio=Equity_Browser&from={EquityPageTests.Day(days[^1])}");
        try
        {
            await page.WaitForSelectorAsync("#equity-legend h3", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail("the chart's script did not finish: " + string.Join("\n", errors));
        }

        // Then the three panes (price, RSI, MACD) are painted, and pointing at the marked bars shows their evidence
        Assert.True(await page.EvaluateAsync<int>(PaintedPanes) >= 3, "fewer than three chart panes were painted");
        var legends = await SweepAsync(page);
        Assert.Contains(legends, l => l.Contains("Breakout", StringComparison.Ordinal) && l.Contains("close above the 20-day high (test)", StringComparison.Ordinal));
        Assert.Contains(legends, l => l.Contains("Breakdown", StringComparison.Ordinal) && l.Contains("close below EMA50 (test)", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Moves the pointer across the price pane from right to left and collects what the legend says.</summary>
    private static async Task<HashSet<string>> SweepAsync(IPage page)
    {
        var box = (await page.Locator("#equity-chart").BoundingBoxAsync())!;
        var legends = new HashSet<string>(StringComparer.Ordinal);
        for (var x = box.X + box.Width - 80; x > box.X + box.Width / 2; x -= 4)
        {
            await page.Mouse.MoveAsync(x, box.Y + 120);
            legends.Add(await page.Locator("#equity-legend").InnerTextAsync());
        }
        return legends;
    }

    /// <summary>Pane canvases (wide and tall, unlike the axes) with more than a few hundred coloured pixels.</summary>
    private const string PaintedPanes = """
        () => {
          const chart = document.getElementById('equity-chart');
          return Array.from(chart.querySelectorAll('canvas'))
            .filter(c => c.width > chart.clientWidth * 0.6 && c.height > 60)
            .map(c => {
              const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let coloured = 0;
              for (let i = 0; i < pixels.length; i += 4) {
                if (pixels[i + 3] > 0 && Math.max(pixels[i], pixels[i + 1], pixels[i + 2]) - Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) > 40) coloured++;
              }
              return coloured;
            })
            .filter(coloured => coloured > 300).length;
        }
        """;
}
