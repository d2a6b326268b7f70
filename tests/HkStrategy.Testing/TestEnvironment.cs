using HkStrategy.Data.Embedded;
using HkStrategy.Data.Settings;

namespace HkStrategy.Testing;

/// <summary>
/// Keeps tests away from the user's own files and databases without touching the process environment: the
/// settings every test hands to hks have <c>$HKS_HOME</c> (backups, logs) in a temporary folder and no
/// <c>HKS_DATABASE_URL</c>, whatever the machine has set; programs started by tests get the same.
/// </summary>
public static class TestEnvironment
{
    public static string Home { get; } = Path.Combine(TestServer.Home, "home");

    private static readonly Lazy<HksSettings> Applied = new(() =>
    {
        Directory.CreateDirectory(Home);
        return new HksSettings
        {
            Home = new HkStrategy.Data.Settings.HksHome(Home),
            SearchPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries),
        }.ApplyToProcess();
    });

    /// <summary>The settings of a test: its own home, the embedded or test server only; applied to this process.</summary>
    public static HksSettings Settings => Applied.Value;

    /// <summary>The same settings with a home of a test's own.</summary>
    public static HksSettings WithHome(string home) => Settings.WithHome(home);

    public static void Apply() => _ = Applied.Value;
}
