using System.Diagnostics;

namespace HkStrategy.Data.Processes;

/// <summary>Whether a process id names a running process: how leftovers of dead hks processes are told from live work.</summary>
public static class ProcessIds
{
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
