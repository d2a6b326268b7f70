using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HkStrategy.Web.Tests;

public sealed class SignalsApiTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task SignalsApi_FilteredBySide_GivesEveryMatchingSignalWithItsEvidence()
    {
        await KnownSignals.EnsureAsync(dashboard.Db);
        var expected = await KnownSignals.CountAsync(dashboard.Db, "left(x.code, 1) = 'S'");
        using var client = dashboard.Client();

        var signals = await client.GetFromJsonAsync<JsonElement[]>(new Uri("/api/signals?side=S", UriKind.Relative));

        Assert.Equal(expected, signals!.Length);
        Assert.All(signals, s => Assert.Equal("sell", s.GetProperty("side").GetString()));
        var overbought = Assert.Single(signals, s => s.GetProperty("code").GetString() == "SOVB1");
        Assert.Equal(KnownSignals.Portfolio, overbought.GetProperty("portfolioId").GetString());
        Assert.Equal(410.2m, overbought.GetProperty("close").GetDecimal());
        Assert.Equal("close 410.2 ≥ target sell 400", overbought.GetProperty("evidence").GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task SignalsApi_PrototypeSignal_IsGivenWithItsTxyznEquivalentAndSource()
    {
        await KnownSignals.EnsureAsync(dashboard.Db);
        using var client = dashboard.Client();

        var signals = await client.GetFromJsonAsync<JsonElement[]>(new Uri("/api/signals?portfolio=My_HKEX_ALL&symbol=0700.HK&minStrength=9", UriKind.Relative));

        var legacy = Assert.Single(signals!);
        Assert.Equal(("BBRK9", "prototype (A)", "buy"), (legacy.GetProperty("code").GetString(), legacy.GetProperty("source").GetString(), legacy.GetProperty("side").GetString()));
        Assert.Equal(JsonValueKind.Null, legacy.GetProperty("evidence").ValueKind);
    }

    [Fact]
    public async Task SignalsApi_Limit_GivesTheNewestOnes()
    {
        var newest = await KnownSignals.EnsureAsync(dashboard.Db);
        using var client = dashboard.Client();

        var signals = await client.GetFromJsonAsync<JsonElement[]>(new Uri("/api/signals?limit=5", UriKind.Relative));

        Assert.Equal(5, signals!.Length);
        Assert.Equal(newest, DateOnly.Parse(signals[0].GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SignalsApi_InvalidDate_IsAValidationProblem()
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri("/api/signals?from=2026-02-30", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("from '2026-02-30' is not a date (use YYYY-MM-DD)", problem.GetProperty("errors").GetProperty("from")[0].GetString());
    }

    [Fact]
    public async Task SignalsApi_SeveralInvalidFilters_NameEachOfThem()
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri("/api/signals?side=X&minStrength=0&limit=100000&symbol=HK", UriKind.Relative));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["limit", "minStrength", "side", "symbol"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignalsApi_IsDescribedInTheOpenApiDocument()
    {
        using var client = dashboard.Client();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var list = document.GetProperty("paths").GetProperty("/api/signals").GetProperty("get");
        Assert.Equal(["portfolio", "symbol", "side", "minStrength", "from", "to", "limit"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}
