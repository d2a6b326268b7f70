namespace HkStrategy.Testing;

/// <summary>
/// Keeps tests away from the user's own files: <c>$HKS_HOME</c> (backups, logs) points into a temporary folder, and
/// no ambient <c>HKS_DATABASE_URL</c> can redirect a test to a real database.
/// </summary>
public static class TestEnvironment
{
    private static readonly Lock Gate = new();
    private static bool _applied;

    public static string Home { get; } = Path.Combine(TestServer.Home, "home");

    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied)
            {
                return;
            }
            Directory.CreateDirectory(Home);
            Environment.SetEnvironmentVariable("HKS_HOME", Home);
            Environment.SetEnvironmentVariable("HKS_DATABASE_URL", null);
            _applied = true;
        }
    }
}
