using System.Globalization;
using System.Net;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Prices;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HkStrategy.Operations.Prices;

/// <summary>How patient the price source client is: per attempt, how many retries, how long between them.</summary>
public sealed record FetchPolicy(TimeSpan AttemptTimeout, int Retries, TimeSpan FirstDelay, TimeSpan LongestRetryAfter)
{
    public static FetchPolicy Default { get; } = new(TimeSpan.FromSeconds(20), 3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
}

/// <summary>
/// Daily bars from Yahoo Finance's chart API (the prototype's source) over HttpClient: each attempt has a timeout,
/// failures and 5xx answers are retried with exponential backoff and jitter, and a 429 waits as long as Retry-After
/// asks (up to a limit). <c>HKS_PRICE_SOURCE_URL</c> points it elsewhere (tests serve recorded answers).
/// </summary>
public sealed class YahooChartClient(HttpClient http, FetchPolicy policy)
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = Pipeline(policy);

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(FetchPolicy policy)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (policy.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.FirstDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.Headers.RetryAfter?.Delta is { } wait ? (TimeSpan?)TimeSpan.FromTicks(Math.Min(wait.Ticks, policy.LongestRetryAfter.Ticks)) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.AddTimeout(policy.AttemptTimeout).Build();
    }

    public async Task<IReadOnlyList<DailyBar>> FetchAsync(Uri baseUrl, string symbol, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUnixTimeSeconds();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUnixTimeSeconds();
        var url = new Uri(baseUrl, string.Create(CultureInfo.InvariantCulture,
            $"/v8/finance/chart/{Uri.EscapeDataString(symbol)}?period1={start}&period2={end}&interval=1d&events=history&includeAdjustedClose=true"));
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; hks)");
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            }, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutRejectedException)
        {
            throw HksException.Environment("PriceSourceUnreachable",
                $"the price source {baseUrl.Host} did not answer for {symbol} after {policy.Retries + 1} attempt(s): {FirstLine(error.Message)}", error);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && body.Contains("\"chart\"", StringComparison.Ordinal))
            {
                return YahooChartParser.Parse(symbol, body); // the API's own "no such symbol" answer
            }
            if (!response.IsSuccessStatusCode)
            {
                throw HksException.Environment("PriceSourceFailed",
                    string.Create(CultureInfo.InvariantCulture, $"the price source answered {(int)response.StatusCode} {response.ReasonPhrase} for {symbol} after {policy.Retries + 1} attempt(s)"));
            }
            try
            {
                return YahooChartParser.Parse(symbol, body);
            }
            catch (Exception error) when (error is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw HksException.Environment("PriceSourceGarbled", $"the price source's answer for {symbol} is not the chart format hks reads: {FirstLine(error.Message)}", error);
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
