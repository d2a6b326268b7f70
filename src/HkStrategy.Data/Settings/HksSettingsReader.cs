using System.Net;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;

namespace HkStrategy.Data.Settings;

/// <summary>
/// Reads <see cref="HksSettings"/> from variables (the process environment, or the dashboard's configuration, which
/// holds the same names). A value that cannot be read is a problem named in one line, never a guess.
/// </summary>
public static class HksSettingsReader
{
    public const string HomeVariable = "HKS_HOME";
    public const string DatabaseUrlVariable = "HKS_DATABASE_URL";
    public const string ServerProgramsVariable = "HKS_PG_BINDIR";
    public const string ServiceUserVariable = "HKS_SERVICE_USER";
    public const string PriceSourceVariable = "HKS_PRICE_SOURCE_URL";
    public const string DashboardPasswordVariable = "HKS_DASHBOARD_PASSWORD";
    public const string DashboardTlsProxyVariable = "HKS_DASHBOARD_TLS_PROXY";
    public const string KillAtVariable = "HKS_KILL_AT";

    public static HksSettings FromEnvironment() => Read(Environment.GetEnvironmentVariable);

    public static HksSettings Read(Func<string, string?> variable)
    {
        var settings = new HksSettings();
        Load(settings, variable);
        return settings;
    }

    /// <summary>Fills <paramref name="settings"/> from the variables; what is unset keeps its default.</summary>
    public static void Load(HksSettings settings, Func<string, string?> variable)
    {
        var problems = new List<SettingProblem>();
        string? Given(string name) => variable(name) is { Length: > 0 } value ? value : null;

        if (Given(HomeVariable) is { } home)
        {
            settings.Home = Try(problems, HomeVariable, () => new HksHome(home)) ?? settings.Home;
        }
        if (Given(DatabaseUrlVariable) is { } url)
        {
            settings.DatabaseUrl = Try(problems, DatabaseUrlVariable, () => ConnectionStrings.Normalize(url));
        }
        settings.ServerProgramsFolder = Given(ServerProgramsVariable);
        settings.SearchPath = (variable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        if (Given(ServiceUserVariable) is { } user)
        {
            settings.ServiceUser = IsAccountName(user) ? user : Problem(problems, "InvalidServiceUser", $"{ServiceUserVariable} is '{Printable(user)}', not an account name", settings.ServiceUser);
        }
        if (Given(PriceSourceVariable) is { } source)
        {
            settings.PriceSource = Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : Problem(problems, "InvalidPriceSource", $"{PriceSourceVariable} is '{Printable(source)}', not an http(s) address", settings.PriceSource);
        }
        settings.DashboardPassword = Given(DashboardPasswordVariable);
        if (Given(DashboardTlsProxyVariable) is { } proxy)
        {
            settings.DashboardTlsProxy = IPAddress.TryParse(proxy, out var address)
                ? address
                : Problem<IPAddress?>(problems, "InvalidTlsProxy", $"{DashboardTlsProxyVariable} is '{Printable(proxy)}', not an IP address", null);
        }
        settings.KillAt = Given(KillAtVariable);
        settings.Problems = problems;
    }

    /// <summary>Refuses to go on with settings that could not be read: one line, exit code 2.</summary>
    public static HksSettings RequireValid(this HksSettings settings) =>
        settings.Problems.Count == 0 ? settings : throw HksException.Usage(settings.Problems[0].Name, settings.Problems[0].Message);

    private static T? Try<T>(List<SettingProblem> problems, string variable, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (HksException failure)
        {
            problems.Add(new SettingProblem(failure.Name, $"{variable}: {failure.Message}"));
            return default;
        }
        catch (ArgumentException failure)
        {
            problems.Add(new SettingProblem("InvalidSetting", $"{variable}: {failure.Message.Split('\n')[0]}"));
            return default;
        }
    }

    private static T Problem<T>(List<SettingProblem> problems, string name, string message, T fallback)
    {
        problems.Add(new SettingProblem(name, message));
        return fallback;
    }

    private static bool IsAccountName(string name) =>
        name.Length <= 32 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') && name[0] != '-';

    private static string Printable(string value) => Core.Text.TextRules.Escape(value.Length > 80 ? value[..80] + "…" : value);
}
