using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

public sealed class CompleteRestoreTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task CompleteRestore_NeedsTheDatabaseNameTyped_AndRequestsDuringItsSwitchGetTheNoticeNeverAnError()
    {
        using var client = dashboard.Client();
        var backup = await JobPages.FinishAsync(client, await FormPost.SubmitAsync(client, "/backups", "/backups?handler=Create",
            new Dictionary<string, string> { ["Kind"] = "full", ["Format"] = "custom" }));
        var file = JobPages.Outcome(backup)["Backup ".Length..^" written and verified".Length];
        await dashboard.Db.ExecuteAsync("DELETE FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL'");
        var page = $"/backups/{file}/restore";

        var refused = await FormPost.SubmitAsync(client, page, page + "?handler=Complete", new Dictionary<string, string> { ["Confirm"] = "postgres" });
        Assert.Contains($"type {dashboard.Db.Target.DatabaseName} to confirm; nothing was restored", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var statuses = new ConcurrentBag<(HttpStatusCode Status, string Body)>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            using var reader = dashboard.Client();
            while (!stop.IsCancellationRequested)
            {
                var response = await reader.GetAsync(new Uri(i == 0 ? "/" : "/api/portfolios", UriKind.Relative), CancellationToken.None);
                statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None)));
            }
        })).ToList();
        var restored = await JobPages.FinishAsync(client, await FormPost.SubmitAsync(client, page, page + "?handler=Complete",
            new Dictionary<string, string> { ["Confirm"] = dashboard.Db.Target.DatabaseName }));
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.StartsWith($"Restored {file}", JobPages.Outcome(restored), StringComparison.Ordinal);
        Assert.Contains("emergency backup (verified): emergency", restored, StringComparison.Ordinal);
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.True(s.Status == HttpStatusCode.OK || (s.Status == HttpStatusCode.ServiceUnavailable && s.Body.Contains($"a restore of {file} is", StringComparison.Ordinal)),
            $"{s.Status}: {s.Body[..Math.Min(300, s.Body.Length)]}"));
        using var portfolios = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/portfolios", UriKind.Relative)));
        var main = portfolios.RootElement.EnumerateArray().Single(p => p.GetProperty("portfolioId").GetString() == "My_HKEX_ALL");
        Assert.Equal(4_052_660.20m, main.GetProperty("marketValue").GetDecimal());
        Assert.DoesNotContain("fail:", dashboard.Output, StringComparison.Ordinal);
    }
}
