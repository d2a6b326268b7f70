using System.Net;
using System.Text.Json;

namespace HkStrategy.Web.Tests;

public sealed class EquityApiTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task EquityApi_ForAHeldSymbol_ReturnsWhatThePageDraws()
    {
        using var http = dashboard.Client();

        var api = await http.GetStringAsync(new Uri("/api/equity/0700?portfolio=My_HKEX_ALL&from=2020-01-01", UriKind.Relative));
        var page = await http.GetStringAsync(new Uri("/equity/0700.HK?portfolio=My_HKEX_ALL&from=2020-01-01", UriKind.Relative));

        Assert.True(JsonElement.DeepEquals(EquityPageTests.DataOf(page), JsonDocument.Parse(api).RootElement), "the API and the page differ");
        var data = JsonDocument.Parse(api).RootElement;
        Assert.Equal(await dashboard.Db.ScalarAsync<long>("SELECT count(*) FROM daily_bars WHERE symbol = '0700.HK'"), data.GetProperty("bars").GetArrayLength());
        Assert.Equal(660m, data.GetProperty("rules").GetProperty("targetSell").GetDecimal());
        var signal = data.GetProperty("signals")[0];
        Assert.Equal("hold", signal.GetProperty("side").GetString());
        Assert.Equal("Hold", signal.GetProperty("strategy").GetString());
        Assert.Contains(signal.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("SOVB1: not close", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EquityApi_WithoutAPortfolio_HasNoPositionOrRules()
    {
        using var http = dashboard.Client();

        var data = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/equity/1810.HK", UriKind.Relative))).RootElement;

        Assert.Equal("Xiaomi Corporation", data.GetProperty("companyName").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("position").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("rules").ValueKind);
        Assert.Equal("My_HKEX_ALL", data.GetProperty("signals")[0].GetProperty("portfolioId").GetString());
    }

    [Fact]
    public async Task EquityApi_InvalidSymbol_IsAValidationProblem()
    {
        using var http = dashboard.Client();

        var response = await http.GetAsync(new Uri("/api/equity/0700.HKK", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("'0700.HKK' is not an HKEX symbol: use its stock code, such as 0700.HK or 700", errors.GetProperty("symbol")[0].GetString());
    }

    [Fact]
    public async Task EquityApi_PeriodFromAfterTo_IsAValidationProblemOnFrom()
    {
        using var http = dashboard.Client();

        var response = await http.GetAsync(new Uri("/api/equity/0700.HK?from=2026-02-01&to=2026-01-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("from 2026-02-01 is after to 2026-01-31: give the earlier day first", errors.GetProperty("from")[0].GetString());
    }

    [Fact]
    public async Task EquityApi_UnknownSymbol_IsNotFound()
    {
        using var http = dashboard.Client();

        var response = await http.GetAsync(new Uri("/api/equity/8888", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("nothing is known about 8888.HK", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task EquityApi_IsDescribedInTheOpenApiDocument()
    {
        using var http = dashboard.Client();

        var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var get = document.GetProperty("paths").GetProperty("/api/equity/{symbol}").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["symbol", "portfolio", "from", "to"], parameters);
        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
    }
}
