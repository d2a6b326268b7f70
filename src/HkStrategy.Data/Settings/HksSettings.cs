using System.Net;

namespace HkStrategy.Data.Settings;

/// <summary>
/// Everything hks takes from its environment, read once when a program starts (<see cref="HksSettingsReader"/>)
/// and handed to whatever needs it; nothing else reads an environment variable. The dashboard binds it with the
/// options pattern and validates it at start, the command line carries it on its context, tests build their own.
/// </summary>
public sealed record HksSettings
{
    /// <summary><c>HKS_HOME</c>: the embedded cluster, backups, journals and logs (default <c>~/.hkstrategy</c>).</summary>
    public HksHome Home { get; set; } = new(DefaultHome);

    /// <summary><c>HKS_DATABASE_URL</c>: the database every command uses unless <c>--database</c> names another.</summary>
    public string? DatabaseUrl { get; set; }

    /// <summary><c>HKS_PG_BINDIR</c>: the only folder searched for the server programs, when set.</summary>
    public string? ServerProgramsFolder { get; set; }

    /// <summary><c>PATH</c>: the folders searched for the server programs (before Debian's own).</summary>
    public IReadOnlyList<string> SearchPath { get; set; } = [];

    /// <summary><c>HKS_SERVICE_USER</c>: the account the embedded server runs as when hks runs as root.</summary>
    public string ServiceUser { get; set; } = "postgres";

    /// <summary><c>HKS_PRICE_SOURCE_URL</c>: where daily bars are fetched from (default Yahoo Finance).</summary>
    public Uri PriceSource { get; set; } = DefaultPriceSource;

    /// <summary><c>HKS_DASHBOARD_PASSWORD</c>: the dashboard's sign-in password; none means loopback only.</summary>
    public string? DashboardPassword { get; set; }

    /// <summary><c>HKS_DASHBOARD_TLS_PROXY</c>: the address of the TLS proxy in front of the dashboard, if any.</summary>
    public IPAddress? DashboardTlsProxy { get; set; }

    /// <summary><c>HKS_KILL_AT</c>: a fault point where the tests kill the program (nothing in normal use).</summary>
    public string? KillAt { get; set; }

    /// <summary>What could not be read, one line each; the program refuses to start while there is any.</summary>
    public IReadOnlyList<SettingProblem> Problems { get; set; } = [];

    public static Uri DefaultPriceSource { get; } = new("https://query1.finance.yahoo.com");

    public static string DefaultHome => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".hkstrategy");

    /// <summary>These settings with another home, for a second cluster or a test's own folder.</summary>
    public HksSettings WithHome(string home) => this with { Home = new HksHome(home) };

    /// <summary>Never the password, never a connection string's secret: settings may be logged.</summary>
    public override string ToString() =>
        $"home {Home.Root}, database {(DatabaseUrl is null ? "embedded" : Connection.ConnectionStrings.MaskAny(DatabaseUrl))}, " +
        $"server programs {ServerProgramsFolder ?? "searched"}, service user {ServiceUser}, price source {PriceSource}, " +
        $"dashboard password {(DashboardPassword is null ? "none" : "set")}, TLS proxy {DashboardTlsProxy?.ToString() ?? "none"}";
}

/// <summary>A setting that could not be read: the failure's stable name and one line saying which and why.</summary>
public sealed record SettingProblem(string Name, string Message);
