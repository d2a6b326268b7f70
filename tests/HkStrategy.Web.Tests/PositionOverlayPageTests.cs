using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>The prototype's per-stock overlays edited on a position's row, with the command line's rules.</summary>
public sealed class PositionOverlayPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task EditingARow_SetsTrimMinTacticalStopAndTheTickedGates_AndTheRowSaysSo()
    {
        await using var portfolio = await NewPortfolioAsync("Overlay_Edit");
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/portfolios/Overlay_Edit", "/portfolios/Overlay_Edit?handler=Update", Row(
            ("Form.AddZoneLow", "112"), ("Form.AddZoneHigh", "115"), ("Form.TrimMin", "132"), ("Form.TacticalStop", "105"),
            ("Form.BuyOnly", "in-add-zone"), ("Form.BuyOnly", "above-ema20")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("updated 9988.HK", html, StringComparison.Ordinal);
        Assert.Contains("trim ≥ 132.00 · tactical stop 105.00 · add 112.00–115.00 · buy only in-add-zone · buy only above-ema20", html, StringComparison.Ordinal);
        Assert.Equal([("{in-add-zone,above-ema20}", 132m, 105m)], await Db.QueryAsync<(string, decimal, decimal)>(
            "SELECT buy_only::text, trim_min, tactical_stop FROM position_rules WHERE portfolio_id = 'Overlay_Edit'"));
    }

    [Fact]
    public async Task UntickingEveryGate_AndEmptyingTheFields_TakesTheOverlaysAway()
    {
        await using var portfolio = await NewPortfolioAsync("Overlay_Clear");
        await Db.ExecuteAsync("INSERT INTO position_rules (portfolio_id, symbol, trim_min, tactical_stop, buy_only) VALUES ('Overlay_Clear', '9988.HK', 132, 105, '{above-ema20}')");
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/portfolios/Overlay_Clear", "/portfolios/Overlay_Clear?handler=Update", Row(("Form.TrimMin", "")));

        Assert.Contains("updated 9988.HK", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([("{}", (decimal?)null, (decimal?)null)], await Db.QueryAsync<(string, decimal?, decimal?)>(
            "SELECT buy_only::text, trim_min, tactical_stop FROM position_rules WHERE portfolio_id = 'Overlay_Clear'"));
    }

    [Theory]
    [InlineData("Form.BuyOnly", "in-add-zone", "needs an add zone")]
    [InlineData("Form.BuyOnly", "below-ema20<script>", "takes in-add-zone, above-ema20, near-ema-cluster")]
    [InlineData("Form.BuyOnly", "", "takes in-add-zone, above-ema20, near-ema-cluster")]
    [InlineData("Form.TrimMin", "-3", "trim minimum")]
    [InlineData("Form.TacticalStop", "1.2345", "has more than three decimals")]
    public async Task ABadOverlay_IsShownBesideItsField_AndNothingIsWritten(string field, string value, string message)
    {
        await using var portfolio = await NewPortfolioAsync("Overlay_Bad");
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/portfolios/Overlay_Bad", "/portfolios/Overlay_Bad?handler=Update", Row((field, value)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(PageHtml.FieldError(html, field)), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(0, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM position_rules WHERE portfolio_id = 'Overlay_Bad'"));
    }

    [Fact]
    public async Task TheEquityPageAndTheApi_ShowTheDemoRailsOf9988()
    {
        using var client = dashboard.Client();

        var page = await client.GetStringAsync(new Uri("/equity/9988.HK?portfolio=My_HKEX_ALL", UriKind.Relative));
        var api = await client.GetStringAsync(new Uri("/api/portfolios/My_HKEX_ALL/positions", UriKind.Relative));

        Assert.Contains("<dt>Trim min</dt><dd>132.00</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Buy only</dt><dd>in-add-zone</dd>", page, StringComparison.Ordinal);
        Assert.Contains("\"trimMin\":132", api, StringComparison.Ordinal);
        Assert.Contains("\"buyOnly\":[\"in-add-zone\"]", api, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Row(params (string Field, string Value)[] fields)
    {
        var row = new List<KeyValuePair<string, string>>
        {
            new("Form.Symbol", "9988.HK"), new("Form.Quantity", "2000"), new("Form.AverageCost", "115"), new("Form.CurrentPrice", "118.5"),
        };
        row.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Field, f.Value)));
        return row;
    }

    private TestDatabase Db => dashboard.Db;

    private async Task<IAsyncDisposable> NewPortfolioAsync(string id)
    {
        await Db.ExecuteAsync($"""
            INSERT INTO portfolios (portfolio_id, name) VALUES ('{id}', '{id}');
            INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector) VALUES ('{id}', '9988.HK', 'Alibaba', 2000, 115, 118.5, 'Tech');
            """);
        return new Removal(() => Db.ExecuteAsync(
            $"DELETE FROM position_rules WHERE portfolio_id = '{id}'; DELETE FROM portfolio_positions WHERE portfolio_id = '{id}'; DELETE FROM portfolios WHERE portfolio_id = '{id}'"));
    }

    private sealed class Removal(Func<Task> action) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await action();
    }
}
