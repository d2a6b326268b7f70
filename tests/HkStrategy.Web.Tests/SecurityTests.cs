using System.Net;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>The dashboard with HKS_DASHBOARD_PASSWORD set: every page and API call needs a sign-in.</summary>
public sealed class PasswordProtectedDashboard : DashboardFixture
{
    public const string Password = "correct horse battery staple";

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["HKS_DASHBOARD_PASSWORD"] = Password };
}

public sealed class SecurityTests(PasswordProtectedDashboard dashboard) : IClassFixture<PasswordProtectedDashboard>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/portfolios/My_HKEX_ALL")]
    [InlineData("/backups")]
    [InlineData("/status")]
    public async Task WithAPassword_EveryPageSendsStrangersToSignIn(string page)
    {
        using var client = dashboard.Client(followRedirects: false);

        var response = await client.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/portfolios")]
    [InlineData("/api/status")]
    [InlineData("/backups/anything.dump/download")]
    public async Task WithAPassword_TheApiAndDownloadsAnswer401WithoutASignIn(string path)
    {
        using var client = dashboard.Client(followRedirects: false);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SigningIn_WithTheWrongPasswordIsRefused_WithTheRightOneOpensPagesAndApi_AndTheLogNeverShowsIt()
    {
        using var client = dashboard.Client();

        var wrong = await FormPost.SubmitAsync(client, "/login", "/login", new Dictionary<string, string> { ["Password"] = "guess" });
        Assert.Contains("that is not the dashboard&#x27;s password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/portfolios", UriKind.Relative))).StatusCode);

        var right = await FormPost.SubmitAsync(client, "/login", "/login", new Dictionary<string, string> { ["Password"] = PasswordProtectedDashboard.Password, ["ReturnUrl"] = "/status" });

        Assert.Equal("/status", right.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/portfolios", UriKind.Relative))).StatusCode);
        Assert.Contains("Sign out", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(PasswordProtectedDashboard.Password, dashboard.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingThePassword_EndsEverySessionSignedInWithTheOldOne()
    {
        using var handler = new HttpClientHandler { UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = dashboard.Address };
        await FormPost.SubmitAsync(client, "/login", "/login", new Dictionary<string, string> { ["Password"] = PasswordProtectedDashboard.Password });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/status", UriKind.Relative))).StatusCode);

        await using var restarted = await DashboardProcess.StartAsync(
            new Dictionary<string, string?> { ["HKS_HOME"] = dashboard.Home, ["HKS_DASHBOARD_PASSWORD"] = "a new password" }, "--database", dashboard.Db.Target.ConnectionString);

        // The same cookie (cookies do not name a port) now goes to the dashboard that has the new password.
        var response = await client.GetAsync(new Uri(restarted.Address, "/api/status"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HealthChecks_StayOpenForProbes()
    {
        using var client = dashboard.Client(followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }
}

public sealed class ListeningTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://192.0.2.10:5080")]
    public async Task ListeningBeyondLoopbackWithoutAPassword_RefusesToStart_InOneLine(string url)
    {
        var (exitCode, output) = await DashboardProcess.RunToExitAsync(new Dictionary<string, string?>(), "--urls", url);

        Assert.Equal(4, exitCode);
        Assert.Contains("set HKS_DASHBOARD_PASSWORD", output, StringComparison.Ordinal);
        Assert.Contains("[DashboardPasswordRequired]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KestrelEndpointsBeyondLoopbackWithoutAPassword_AreRefusedToo()
    {
        var (exitCode, output) = await DashboardProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["Kestrel__Endpoints__Http__Url"] = "http://0.0.0.0:0" },
            "--urls", "http://127.0.0.1:0", "--database", "postgres://nobody:nothing@127.0.0.1:1/none");

        Assert.Equal(4, exitCode);
        Assert.Contains("[DashboardPasswordRequired]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("HK Strategy dashboard: ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("https://0.0.0.0:443", false)]
    [InlineData("http://example.com", false)]
    public void LoopbackAddresses_AreTheOnlyOnesAllowedWithoutAPassword(string url, bool loopback) =>
        Assert.Equal(loopback, HkStrategy.Web.Security.DashboardAccess.IsLoopback(url));
}

public sealed class LoopbackOnlyTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Theory]
    [InlineData("rebind.attacker.example")]
    [InlineData("192.168.1.20:5080")]
    public async Task WithoutAPassword_ARequestForAnotherHostName_IsRefused_SoDnsRebindingFindsNothing(string host)
    {
        using var client = dashboard.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/portfolios", UriKind.Relative));
        request.Headers.Host = host;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("My_HKEX_ALL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPassword_LoopbackNamesAreAnswered()
    {
        using var client = dashboard.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/portfolios", UriKind.Relative));
        request.Headers.Host = $"localhost:{dashboard.Address.Port}";

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }
}
