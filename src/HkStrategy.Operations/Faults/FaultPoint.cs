using System.Diagnostics;

namespace HkStrategy.Operations.Faults;

/// <summary>
/// Seeded points where tests kill hks with SIGKILL (<c>HKS_KILL_AT=name</c>), to prove that an interruption at any
/// of them leaves the live database as it was and that the next run cleans up. Does nothing otherwise.
/// </summary>
public static class FaultPoint
{
    public static void Reach(string name)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("HKS_KILL_AT"), name, StringComparison.Ordinal))
        {
            Process.GetCurrentProcess().Kill(); // SIGKILL: no cleanup, no finally blocks, as with kill -9
        }
    }
}
