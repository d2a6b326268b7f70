using System.Runtime.InteropServices;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Processes;

namespace HkStrategy.Data.Embedded;

/// <summary>
/// Who runs the embedded server. PostgreSQL refuses to run as root, so when hks runs as root the server runs
/// as an unprivileged system user (<c>postgres</c>, or <c>HKS_SERVICE_USER</c>) through <c>runuser</c>.
/// </summary>
public sealed partial class ServiceAccount
{
    private ServiceAccount(string? userName) => UserName = userName;

    /// <summary>The account the server runs as, or null when it runs as the current user.</summary>
    public string? UserName { get; }

    public bool IsSeparateUser => UserName is not null;

    public static async Task<ServiceAccount> DetectAsync(string user, CancellationToken cancellationToken)
    {
        if (GetEffectiveUserId() != 0)
        {
            return new ServiceAccount(null);
        }
        var exists = await ProcessRunner.RunAsync("id", ["-u", user], cancellationToken);
        return exists.Succeeded
            ? new ServiceAccount(user)
            : throw HksException.Environment("ServiceUserMissing",
                $"running as root, the embedded PostgreSQL needs an unprivileged user '{user}' to run as: create it (useradd --system {user}) or set HKS_SERVICE_USER");
    }

    /// <summary>Runs a program as the service account (or directly when there is none).</summary>
    public Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        UserName is null
            ? ProcessRunner.RunAsync(program, arguments, cancellationToken)
            : ProcessRunner.RunAsync("runuser", ["-u", UserName, "--", program, .. arguments], cancellationToken);

    /// <summary>Hands a folder (and what is in it) to the service account.</summary>
    public async Task GiveAsync(string path, CancellationToken cancellationToken)
    {
        if (UserName is null)
        {
            return;
        }
        var result = await ProcessRunner.RunAsync("chown", ["-R", $"{UserName}:", path], cancellationToken);
        if (!result.Succeeded)
        {
            throw HksException.Environment("ChownFailed", $"cannot give {path} to {UserName}: {result.LastErrorLine}");
        }
    }

    /// <summary>Whether the service account can reach (search) a folder, all its parents included.</summary>
    public async Task<bool> CanReachAsync(string directory, CancellationToken cancellationToken) =>
        UserName is null || (await RunAsync("test", ["-x", directory, "-a", "-w", directory], cancellationToken)).Succeeded;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
