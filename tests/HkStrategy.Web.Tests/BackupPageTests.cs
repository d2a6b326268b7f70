using System.Net;
using System.Text.Json;
using Dapper;
using HkStrategy.Operations.Restore;

using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

public sealed class BackupPageTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task BackingUp_RunsWithLiveProgress_ListsTheBackupVerified_AndDownloadsItByName()
    {
        using var client = dashboard.Client();

        var file = await BackUpAsync(client, "from the page");

        var catalog = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/backups", UriKind.Relative)));
        var row = catalog[catalog.IndexOf($"<tr id=\"backup-{file}\"", StringComparison.Ordinal)..];
        Assert.Contains("badge ok", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("from the page", row, StringComparison.Ordinal);
        var download = await client.GetAsync(new Uri($"/backups/{file}/download", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(dashboard.Home, "backups", file)), await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("", "custom", "Kind", "is not a backup kind: full, data or schema")]
    [InlineData("full; DROP TABLE portfolios", "custom", "Kind", "is not a backup kind")]
    [InlineData("full", "tar", "Format", "is not a backup format: custom or sql.gz")]
    public async Task ABackupFormWithAKindOrFormatItDoesNotOffer_IsRefusedBesideTheField_AndStartsNothing(string kind, string format, string field, string message)
    {
        using var client = dashboard.Client();

        var response = await FormPost.SubmitAsync(client, "/backups", "/backups?handler=Create", new Dictionary<string, string> { ["Kind"] = kind, ["Format"] = format });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, PageHtml.FieldError(await response.Content.ReadAsStringAsync(), field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupsApi_ListsTheCatalogWithVerifyStates_AndTheOperationThatWroteABackup()
    {
        using var client = dashboard.Client();
        var started = await FormPost.SubmitAsync(client, "/backups", "/backups?handler=Create", new Dictionary<string, string> { ["Kind"] = "full", ["Format"] = "custom" });
        var jobId = started.RequestMessage!.RequestUri!.AbsolutePath["/jobs/".Length..];
        var file = JobPages.Outcome(await JobPages.FinishAsync(client, started))["Backup ".Length..^" written and verified".Length];

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/backups", UriKind.Relative)));
        using var one = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/backups/{file}", UriKind.Relative)));
        using var job = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/jobs/{jobId}", UriKind.Relative)));
        var missing = await client.GetAsync(new Uri("/api/backups/no-such.dump", UriKind.Relative));

        var entry = list.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        Assert.Equal(JsonValueKind.String, entry.GetProperty("verifiedAt").ValueKind);
        Assert.Equal(4_052_660.20m, entry.GetProperty("totalMarketValue").GetDecimal());
        Assert.Equal($"/backups/{file}/download", one.RootElement.GetProperty("download").GetString());
        Assert.Equal("succeeded", job.RootElement.GetProperty("state").GetString());
        Assert.Contains("verify", job.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ARestorePage_RefusesABackupWhoseManifestWasChangedAfterwards()
    {
        using var client = dashboard.Client();
        var file = await BackUpAsync(client, "to be tampered with");
        var manifest = Path.Combine(dashboard.Home, "backups", file + ".manifest.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("to be tampered with", "tampered", StringComparison.Ordinal));

        var response = await client.GetAsync(new Uri($"/backups/{file}/restore", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("its seal does not match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..%2Fpassword")]
    [InlineData("no-such-backup.dump")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task DownloadingAnythingButACatalogEntry_IsRefused(string name)
    {
        using var client = dashboard.Client();

        var response = await client.GetAsync(new Uri($"/backups/{name}/download", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RestoringOnePortfolio_ShowsItsChangesFirst_NeedsItsIdTyped_AndBringsBackOnlyIt()
    {
        using var client = dashboard.Client();
        var file = await BackUpAsync(client, "before losing a position");
        await dashboard.Db.ExecuteAsync("""
            DELETE FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0005.HK';
            UPDATE portfolios SET description = 'changed after the backup' WHERE portfolio_id = 'HKEX_NonTech';
            """);
        var page = $"/backups/{file}/restore";
        Assert.DoesNotContain("field is required", await client.GetStringAsync(new Uri(page, UriKind.Relative)), StringComparison.Ordinal);

        var preview = await JobPages.FinishAsync(client, await FormPost.SubmitAsync(client, page, page + "?handler=Preview",
            new Dictionary<string, string> { ["Portfolio"] = "My_HKEX_ALL", ["Mode"] = "replace" }));
        Assert.StartsWith("Portfolio My_HKEX_ALL: would change", JobPages.Outcome(preview), StringComparison.Ordinal);
        Assert.Contains("0005.HK", preview, StringComparison.Ordinal);

        var confirmPage = System.Text.RegularExpressions.Regex.Match(preview, "href=\"([^\"]+)\" id=\"job-next\"").Groups[1].Value;
        var previewId = confirmPage[(confirmPage.IndexOf("preview=", StringComparison.Ordinal) + "preview=".Length)..];

        var unpreviewed = await FormPost.SubmitAsync(client, page, page + "?handler=Portfolio",
            new Dictionary<string, string> { ["Confirm"] = "My_HKEX_ALL" });
        Assert.Contains("preview the changes first; nothing was restored", WebUtility.HtmlDecode(await unpreviewed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var refused = await FormPost.SubmitAsync(client, confirmPage, page + "?handler=Portfolio",
            new Dictionary<string, string> { ["Preview"] = previewId, ["Confirm"] = "HKEX_NonTech" });
        Assert.Contains("type My_HKEX_ALL to confirm; nothing was restored", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0005.HK'"));

        // A portfolio or mode posted beside the preview is not what was previewed: the preview's own are restored.
        var restored = await JobPages.FinishAsync(client, await FormPost.SubmitAsync(client, confirmPage, page + "?handler=Portfolio",
            new Dictionary<string, string> { ["Preview"] = previewId, ["Portfolio"] = "HKEX_NonTech", ["Mode"] = "merge", ["Confirm"] = "My_HKEX_ALL" }));
        Assert.StartsWith("Portfolio My_HKEX_ALL: changed", JobPages.Outcome(restored), StringComparison.Ordinal);
        Assert.EndsWith("(Replace)", JobPages.Outcome(restored), StringComparison.Ordinal);
        Assert.Contains("emergency backup (verified): emergency", restored, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0005.HK'"));
        await using var connection = await dashboard.Db.OpenAsync();
        Assert.Equal("changed after the backup", await connection.ExecuteScalarAsync<string>("SELECT description FROM portfolios WHERE portfolio_id = 'HKEX_NonTech'"));
    }

    [Fact]
    public async Task WhileARestoreSwitchesDatabases_PagesShowTheNotice_TheApiAnswers503_AndNothingFails()
    {
        using var client = dashboard.Client();
        var journal = new RestoreJournal
        {
            Id = "switching-test", Server = "test", TargetDatabase = dashboard.Db.Target.DatabaseName, Archive = "/backups/hk_strategy_full.dump",
            Phase = RestoreJournal.Phases.Switching, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await journal.SaveAsync(dashboard.Home, CancellationToken.None);
        try
        {
            await Task.Delay(600); // the dashboard reads journals at most twice a second
            var page = await client.GetAsync(new Uri("/portfolios/My_HKEX_ALL", UriKind.Relative));
            var api = await client.GetAsync(new Uri("/api/portfolios", UriKind.Relative));
            var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("id=\"maintenance-notice\">a restore of hk_strategy_full.dump is switching databases", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), api.Headers.RetryAfter?.Delta);
            using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("maintenance").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            await (journal with { Phase = RestoreJournal.Phases.Done }).SaveAsync(dashboard.Home, CancellationToken.None);
        }
        await Task.Delay(600);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/portfolios", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("fail:", dashboard.Output, StringComparison.Ordinal);
    }

    private static async Task<string> BackUpAsync(HttpClient client, string label)
    {
        var html = await JobPages.FinishAsync(client, await FormPost.SubmitAsync(client, "/backups", "/backups?handler=Create",
            new Dictionary<string, string> { ["Kind"] = "full", ["Format"] = "custom", ["Label"] = label }));
        var outcome = JobPages.Outcome(html);
        Assert.StartsWith("Backup ", outcome, StringComparison.Ordinal);
        Assert.EndsWith(" written and verified", outcome, StringComparison.Ordinal);
        return outcome["Backup ".Length..^" written and verified".Length];
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await dashboard.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
