using System.Net;
using HkStrategy.Core.Failures;

namespace HkStrategy.Web.Security;

/// <summary>
/// Who may use the dashboard: anyone on this machine when it listens on loopback only, or, when
/// <c>HKS_DASHBOARD_PASSWORD</c> is set, whoever signs in with it. Listening beyond loopback without it refuses to start.
/// </summary>
public sealed class DashboardAccess(string? password)
{
    public const string PasswordVariable = Data.Settings.HksSettingsReader.DashboardPasswordVariable;

    public bool RequiresSignIn => !string.IsNullOrEmpty(password);

    /// <summary>
    /// Stands for the password in a sign-in cookie (never the password itself): a cookie issued under another password
    /// no longer matches, so changing HKS_DASHBOARD_PASSWORD ends every session.
    /// </summary>
    public string Fingerprint { get; } = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("hks-dashboard:" + password)));

    public bool Accepts(string? candidate) =>
        RequiresSignIn && candidate is not null &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(password!));

    public void RequireSafeAddresses(IEnumerable<string> urls)
    {
        if (RequiresSignIn)
        {
            return;
        }
        foreach (var url in urls)
        {
            if (!IsLoopback(url))
            {
                throw HksException.Refused("DashboardPasswordRequired",
                    $"the dashboard would listen on {url}, beyond this machine: set {PasswordVariable} to require a sign-in, or listen on 127.0.0.1");
            }
        }
    }

    public static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/', 2)[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
