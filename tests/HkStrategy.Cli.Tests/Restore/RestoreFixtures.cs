using System.Security.Cryptography;
using System.Text;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Restore;

/// <summary>A home of its own (backups, journals) and the live database's fingerprint, for restore tests.</summary>
internal sealed class RestoreScene
{
    private RestoreScene(TestDatabase live, string home)
    {
        Live = live;
        Home = home;
    }

    public TestDatabase Live { get; }

    public string Home { get; }

    public string Backups => Path.Combine(Home, "backups");

    public static async Task<RestoreScene> CreateAsync(TestDatabase live) =>
        new(live, Directory.CreateTempSubdirectory("hks-restore-").FullName);

    /// <summary>A command in this process, with the scene's home.</summary>
    public Task<HksRun> HksAsync(params string[] args) =>
        HksInProcess.RunAsync([.. args, "--database", Live.Target.ConnectionString], TestEnvironment.WithHome(Home));

    /// <summary>A command as a program of its own, with this environment (a fault point to be killed at, …) and the scene's home.</summary>
    public Task<HksRun> HksAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var merged = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["HKS_HOME"] = Home };
        return HksProcess.RunAsync([.. args, "--database", Live.Target.ConnectionString], merged);
    }

    public async Task<string> BackupAsync()
    {
        var run = await HksAsync("backup", "create", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        foreach (var property in new[] { "manifest", "sha256", "kind", "sizeBytes" })
        {
            Assert.True(json.RootElement.TryGetProperty(property, out _), $"backup create --json lacks {property}");
        }
        return json.RootElement.GetProperty("path").GetString()!;
    }

    /// <summary>Row counts plus an ordered hash of every row of every table: equal when the data is.</summary>
    public async Task<string> FingerprintAsync()
    {
        var tables = await TableSnapshot.TakeAsync(Live);
        var text = string.Join("\n", tables.Select(t => $"{t.Key}={t.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The scratch databases this scene's restores used (from their journals) that still exist.</summary>
    public async Task<List<string>> ScratchDatabasesAsync()
    {
        var used = HkStrategy.Operations.Restore.RestoreJournal.ReadAll(Home).Select(j => j.ScratchDatabase).OfType<string>().ToArray();
        return await Live.QueryAsync<string>("SELECT datname FROM pg_database WHERE datname = ANY(@used)", new { used });
    }

    public async Task<bool> LiveAcceptsConnectionsAsync() =>
        await Live.ScalarAsync<bool>("SELECT datallowconn FROM pg_database WHERE datname = current_database()");
}
