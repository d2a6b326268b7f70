using HkStrategy.Core.Failures;
using HkStrategy.Operations.Prices;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Prices;

/// <summary>
/// Against <see cref="RecordedPriceSource"/>, which serves tests/fixtures/yahoo: answers in the chart API's format (the
/// fields and layout of its answer for 0700.HK, with float noise in the prices and a day of nulls as the API sends
/// them; the values are made up). Never the network.
/// </summary>
public sealed class YahooChartClientTests : IAsyncLifetime
{
    private static readonly FetchPolicy Quick = new(TimeSpan.FromSeconds(5), Retries: 2, FirstDelay: TimeSpan.FromMilliseconds(50), LongestRetryAfter: TimeSpan.FromSeconds(1));
    private readonly RecordedPriceSource _source = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _source.DisposeAsync();
    }

    [Fact]
    public async Task ARecordedAnswer_GivesOneBarPerTradingDay_RoundedToThreeDecimals_InHongKongDates()
    {
        var bars = await Client().FetchAsync(_source.BaseUrl, "0700.HK", new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 25), CancellationToken.None);

        Assert.Equal([new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)], bars.Select(b => b.TradeDate));
        Assert.Equal((610.000m, 615.000m, 605.500m, 606.500m, 12000000L), (bars[^1].Open, bars[^1].High, bars[^1].Low, bars[^1].Close, bars[^1].Volume));
    }

    [Fact]
    public async Task TooManyRequests_WaitsAsRetryAfterAsks_ThenSucceeds()
    {
        _source.TooManyRequestsFirst = 2;

        var bars = await Client().FetchAsync(_source.BaseUrl, "0700.HK", new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 25), CancellationToken.None);

        Assert.Equal(4, bars.Count);
        Assert.Equal(3, _source.Requests("0700.HK"));
    }

    [Fact]
    public async Task AServerThatKeepsFailing_IsAnEnvironmentError_AfterEveryRetry()
    {
        _source.Failing.Add("0700.HK");

        var error = await Assert.ThrowsAsync<HksException>(() => Client().FetchAsync(_source.BaseUrl, "0700.HK", new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 25), CancellationToken.None));

        Assert.Equal(("PriceSourceFailed", ExitCode.Environment), (error.Name, error.ExitCode));
        Assert.Equal(3, _source.Requests("0700.HK"));
    }

    [Fact]
    public async Task AnUnknownSymbol_IsSaidInTheSourcesOwnWords()
    {
        var error = await Assert.ThrowsAsync<HksException>(() => Client().FetchAsync(_source.BaseUrl, "0001.HK", new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 25), CancellationToken.None));

        Assert.Equal("PriceSourceRefused", error.Name);
        Assert.Contains("No data found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyListening_IsUnreachable_NotAStackTrace()
    {
        var closed = new Uri($"http://127.0.0.1:{_source.Port}");
        await _source.DisposeAsync();

        var error = await Assert.ThrowsAsync<HksException>(() => Client().FetchAsync(closed, "0700.HK", new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 25), CancellationToken.None));

        Assert.Equal(("PriceSourceUnreachable", ExitCode.Environment), (error.Name, error.ExitCode));
        Assert.Contains("3 attempt(s)", error.Message, StringComparison.Ordinal);
    }

    private YahooChartClient Client() => new(_http, Quick);
}
