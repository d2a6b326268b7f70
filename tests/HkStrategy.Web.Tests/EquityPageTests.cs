using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HkStrategy.Operations.Demo;

namespace HkStrategy.Web.Tests;

public sealed partial class EquityPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task EquityPage_ForAHeldSymbol_EmbedsBarsIndicatorsSignalsAndRules()
    {
        using var http = dashboard.Client();

        var page = await http.GetStringAsync(new Uri("/equity/700.hk?portfolio=My_HKEX_ALL", UriKind.Relative));

        var data = DataOf(page);
        var lastYear = await dashboard.Db.QueryAsync<DateOnly>(
            """
            SELECT trade_date FROM daily_bars WHERE symbol = '0700.HK'
              AND trade_date > (SELECT max(trade_date) FROM daily_bars WHERE symbol = '0700.HK') - interval '1 year'
            ORDER BY trade_date
            """);
        var bars = data.GetProperty("bars");
        Assert.Equal("0700.HK", data.GetProperty("symbol").GetString());
        Assert.Equal(lastYear.Count, bars.GetArrayLength());
        Assert.True(lastYear.Count < await dashboard.Db.ScalarAsync<long>("SELECT count(*) FROM daily_bars WHERE symbol = '0700.HK'"));
        Assert.Equal(Day(lastYear[0]), bars[0].GetProperty("date").GetString());
        Assert.Equal(Day(lastYear[^1]), bars[bars.GetArrayLength() - 1].GetProperty("date").GetString());

        var rules = data.GetProperty("rules");
        Assert.Equal((660m, 520m, 560m, 580m), (rules.GetProperty("targetSell").GetDecimal(), rules.GetProperty("stopLoss").GetDecimal(),
            rules.GetProperty("addZoneLow").GetDecimal(), rules.GetProperty("addZoneHigh").GetDecimal()));
        Assert.Equal(3100, data.GetProperty("position").GetProperty("quantity").GetInt32());

        // Indicators run over the bars before the period too: EMA50 starts on the 50th bar of the history, not of the period.
        var indicators = data.GetProperty("indicators");
        var before = await dashboard.Db.ScalarAsync<long>("SELECT count(*) FROM daily_bars WHERE symbol = '0700.HK' AND trade_date < @first", new { first = lastYear[0] });
        Assert.Equal(bars.GetArrayLength(), indicators.GetArrayLength());
        Assert.Equal(Math.Max(0, 49 - before), indicators.EnumerateArray().TakeWhile(r => r.GetProperty("ema50").ValueKind == JsonValueKind.Null).Count());
        var sma20 = await dashboard.Db.ScalarAsync<decimal>(
            "SELECT avg(close) FROM (SELECT close FROM daily_bars WHERE symbol = '0700.HK' ORDER BY trade_date DESC LIMIT 20) last20");
        Assert.Equal((double)sma20, indicators[indicators.GetArrayLength() - 1].GetProperty("bbMiddle").GetDouble(), 6);

        var signals = data.GetProperty("signals").EnumerateArray().ToList();
        Assert.Equal(DemoSignals.Days, signals.Count);
        Assert.All(signals, s => Assert.NotEmpty(s.GetProperty("reasons").EnumerateArray()));
        Assert.Equal(Day(lastYear[^1]), signals[^1].GetProperty("date").GetString());

        Assert.Contains("Tencent Holdings Ltd", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Target sell</dt><dd>660.00</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<div id=\"equity-chart\" class=\"chart tall\"", page, StringComparison.Ordinal);
        Assert.Equal(DemoSignals.Days, Regex.Count(page, "<tr data-day="));
    }

    [Fact]
    public async Task EquityPage_LoadsItsScriptsFromTheDashboard_AndNoInlineCode()
    {
        using var http = dashboard.Client();

        var page = await http.GetStringAsync(new Uri("/equity/0700.HK", UriKind.Relative));

        var scripts = ScriptTag().Matches(page).Select(m => m.Value).ToList();
        Assert.Contains(scripts, s => s.Contains("src=\"/lib/lightweight-charts.standalone.production.js\" defer", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.Contains("src=\"/js/equity-chart.js?v=", StringComparison.Ordinal) && s.Contains("defer", StringComparison.Ordinal));
        Assert.All(scripts, s => Assert.True(s.Contains("src=\"/", StringComparison.Ordinal) || s.Contains("type=\"application/json\"", StringComparison.Ordinal), s));
        var script = await http.GetAsync(new Uri("/js/equity-chart.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task EquityPage_WithAPeriod_DrawsOnlyItsBarsAndSignals()
    {
        using var http = dashboard.Client();
        var newest = await dashboard.Db.ScalarAsync<DateOnly>("SELECT max(trade_date) FROM daily_bars WHERE symbol = '0700.HK'");
        var (from, to) = (newest.AddMonths(-2), newest.AddDays(-7));

        var page = await http.GetStringAsync(new Uri($"/equity/0700.HK?portfolio=My_HKEX_ALL&from={Day(from)}&to={Day(to)}", UriKind.Relative));

        var data = DataOf(page);
        var expected = await dashboard.Db.ScalarAsync<long>(
            "SELECT count(*) FROM daily_bars WHERE symbol = '0700.HK' AND trade_date BETWEEN @from AND @to", new { from, to });
        var days = data.GetProperty("bars").EnumerateArray().Select(b => b.GetProperty("date").GetString()!).ToList();
        Assert.Equal(expected, days.Count);
        Assert.All(days, d => Assert.True(string.CompareOrdinal(d, Day(from)) >= 0 && string.CompareOrdinal(d, Day(to)) <= 0, d));
        Assert.All(data.GetProperty("signals").EnumerateArray(), s => Assert.True(string.CompareOrdinal(s.GetProperty("date").GetString(), Day(to)) <= 0));
        Assert.Contains($"id=\"from\" name=\"from\" type=\"date\" value=\"{Day(from)}\"", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"to\" name=\"to\" type=\"date\" value=\"{Day(to)}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityPage_PeriodFromAfterTo_ShowsTheMessageBesideTheField()
    {
        using var http = dashboard.Client();

        var response = await http.GetAsync(new Uri("/equity/0700.HK?portfolio=My_HKEX_ALL&from=2026-03-01&to=2026-01-01", UriKind.Relative));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span class=\"error\" id=\"from-error\">from 2026-03-01 is after to 2026-01-01: give the earlier day first</span>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"from\" name=\"from\" type=\"date\" value=\"2026-03-01\" class=\"invalid\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"from-error\"", page, StringComparison.Ordinal);
        // Meanwhile the default period is drawn, not an empty page.
        Assert.True(DataOf(page).GetProperty("bars").GetArrayLength() > 200);
    }

    [Fact]
    public async Task EquityPage_DateThatIsNoDate_ShowsTheMessageBesideTheField()
    {
        using var http = dashboard.Client();

        var page = await http.GetStringAsync(new Uri("/equity/0700.HK?to=2026-13-45", UriKind.Relative));

        Assert.Contains("<span class=\"error\" id=\"to-error\">to &#x27;2026-13-45&#x27; is not a date (use YYYY-MM-DD)</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"error\" id=\"from-error\"></span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityPage_UnknownSymbol_IsNotFoundWithItsReason()
    {
        using var http = dashboard.Client();

        var response = await http.GetAsync(new Uri("/equity/8888.HK", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nothing is known about 8888.HK: no portfolio holds it and it has no daily bars", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityPage_MalformedSymbol_IsABadRequestWithItsReason()
    {
        using var http = dashboard.Client();

        var response = await http.GetAsync(new Uri("/equity/tencent", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("&#39;tencent&#39; is not an HKEX symbol", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityPage_UnknownPortfolio_IsNotFound()
    {
        using var http = dashboard.Client();

        var response = await http.GetAsync(new Uri("/equity/0700.HK?portfolio=No_Such_Portfolio", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("there is no portfolio &#39;No_Such_Portfolio&#39;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityPage_HeldSymbolWithoutBars_ShowsTheFetchHintInsteadOfAChart()
    {
        await dashboard.Db.ExecuteAsync(
            "INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost) VALUES ('HKEX_NonTech', '0001.HK', 'CK Hutchison', 500, 40)");
        using var http = dashboard.Client();

        var page = await http.GetStringAsync(new Uri("/equity/0001.HK?portfolio=HKEX_NonTech", UriKind.Relative));

        Assert.Contains("<div class=\"notice warn\" id=\"no-bars\">0001.HK has no daily bars yet. Fetch them with <code>hks prices fetch --symbols 0001.HK</code>", page, StringComparison.Ordinal);
        Assert.Contains("CK Hutchison", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"equity-chart\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("equity-chart.js", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityPage_PeriodWithoutBars_SaysWhichBarsThereAre()
    {
        using var http = dashboard.Client();
        var (first, newest) = (await dashboard.Db.QueryAsync<(DateOnly, DateOnly)>(
            "SELECT min(trade_date), max(trade_date) FROM daily_bars WHERE symbol = '0700.HK'"))[0];

        var page = await http.GetStringAsync(new Uri("/equity/0700.HK?from=2001-01-01&to=2001-12-31", UriKind.Relative));

        Assert.Contains($"No daily bars between 2001-01-01 and 2001-12-31: 0700.HK has bars from {Day(first)} to {Day(newest)}.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"equity-chart\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityPage_PortfolioThatDoesNotHoldTheSymbol_SaysSoAndHasNoRules()
    {
        using var http = dashboard.Client();

        var page = await http.GetStringAsync(new Uri("/equity/0700.HK?portfolio=MyHKEX_Tech", UriKind.Relative));

        Assert.Contains("MyHKEX_Tech holds no 0700.HK, so there are no rules to draw.", page, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, DataOf(page).GetProperty("rules").ValueKind);
        Assert.Contains("<input type=\"hidden\" name=\"portfolio\" value=\"MyHKEX_Tech\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityPage_CompanyNameWithMarkup_CannotBreakOutOfTheDataBlock()
    {
        const string name = "Evil</script><script>alert(1)</script>";
        await dashboard.Db.ExecuteAsync(
            """
            INSERT INTO portfolios (portfolio_id, name) VALUES ('Equity_Escape', 'Escape');
            INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost) VALUES ('Equity_Escape', '0005.HK', @name, 1, 1);
            """, new { name });
        using var http = dashboard.Client();

        var page = await http.GetStringAsync(new Uri("/equity/0005.HK?portfolio=Equity_Escape", UriKind.Relative));

        Assert.Equal(name, DataOf(page).GetProperty("companyName").GetString());
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
    }

    /// <summary>The chart's data as the page embeds it for its script.</summary>
    public static JsonElement DataOf(string page)
    {
        var match = DataBlock().Match(page);
        Assert.True(match.Success, "the page has no #equity-data block");
        return JsonDocument.Parse(match.Groups["json"].Value).RootElement;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<script type=\"application/json\" id=\"equity-data\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
