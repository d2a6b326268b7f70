using System.Diagnostics;

namespace HkStrategy.Operations.Faults;

/// <summary>
/// Seeded points where tests kill hks with SIGKILL (<c>HKS_KILL_AT=name</c>, armed by the program at start), to prove
/// that an interruption at any of them leaves the live database as it was and that the next run cleans up. Does
/// nothing unless armed.
/// </summary>
public static class FaultPoint
{
    private static string? _armed;

    public static void Arm(string? name) => _armed = string.IsNullOrEmpty(name) ? null : name;

    public static void Reach(string name)
    {
        if (string.Equals(_armed, name, StringComparison.Ordinal))
        {
            Process.GetCurrentProcess().Kill(); // SIGKILL: no cleanup, no finally blocks, as with kill -9
        }
    }
}
