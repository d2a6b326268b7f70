using System.Net;

using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>Guessing the dashboard's password: limited per client and in all, locked out after repeated failures.</summary>
public sealed class SignInLimitTests(PasswordProtectedDashboard dashboard) : IClassFixture<PasswordProtectedDashboard>
{
    private Task<DashboardProcess> StartOwnAsync(Dictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?> { ["HKS_HOME"] = dashboard.Home, ["HKS_DASHBOARD_PASSWORD"] = PasswordProtectedDashboard.Password };
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }
        return DashboardProcess.StartAsync(environment, "--database", dashboard.Db.Target.ConnectionString);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheClientOut_EvenForTheRightOne_WithRetryAfter_AndAreLogged()
    {
        await using var own = await StartOwnAsync();
        using var client = new HttpClient { BaseAddress = own.Address };

        for (var guess = 1; guess <= 5; guess++)
        {
            var wrong = await FormPost.SubmitAsync(client, "/login", "/login", new Dictionary<string, string> { ["Password"] = $"guess {guess}" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await FormPost.SubmitAsync(client, "/login", "/login", new Dictionary<string, string> { ["Password"] = PasswordProtectedDashboard.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(20), $"Retry-After: {right.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/status", UriKind.Relative))).StatusCode);
        Assert.Contains("sign-in locked for 127.0.0.1 after 5 failures", own.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswordProtectedDashboard.Password, own.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyAttemptsInAMinute_AreAnswered429_BeforeTheyReachThePassword()
    {
        await using var own = await StartOwnAsync();
        using var client = new HttpClient { BaseAddress = own.Address };

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            using var response = await FormPost.PostAsync(client, "/login", new Dictionary<string, string> { ["Password"] = "x" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/login", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task BehindTheConfiguredTlsProxy_TheSessionCookieIsSecure()
    {
        await using var own = await StartOwnAsync(new() { ["HKS_DASHBOARD_TLS_PROXY"] = "127.0.0.1" });
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = own.Address };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hks.antiforgery=", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Password"] = PasswordProtectedDashboard.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);

        using var signedIn = await client.SendAsync(request);

        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hks.session=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryPage_CarriesAContentSecurityPolicyWithoutInlineScript()
    {
        using var client = dashboard.Client();

        using var response = await client.GetAsync(new Uri("/login", UriKind.Relative));

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortsThatBindEveryInterface_WithoutAPassword_AreRefusedBeforeListening()
    {
        var (exitCode, output) = await DashboardProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_HTTP_PORTS"] = "0" }, "--database", "postgres://nobody:nothing@127.0.0.1:1/none");

        Assert.Equal(4, exitCode);
        Assert.Contains("[DashboardPasswordRequired]", output, StringComparison.Ordinal);
    }
}
