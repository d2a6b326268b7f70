using HkStrategy.Data.Schema;
using HkStrategy.Operations.Demo;
using HkStrategy.Testing;

namespace HkStrategy.Web.Tests;

/// <summary>
/// The built dashboard on its own process and port, over a test database filled as a first run fills the embedded
/// one (the demo state with prices and signals), with a home folder (backups, restore journals) of its own.
/// </summary>
public class DashboardFixture : IAsyncLifetime
{
    private DashboardProcess? _process;

    public TestDatabase Db { get; private set; } = null!;

    public string Home { get; } = Directory.CreateTempSubdirectory("hks-web-").FullName;

    public Uri Address => _process?.Address ?? throw new InvalidOperationException("not started");

    public string Output => _process?.Output ?? "";

    /// <summary>Environment the dashboard starts with (a password, for instance).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        await new FirstRun(new SchemaMigrator(MigrationCatalog.Embedded), TimeProvider.System).PrepareIfEmptyAsync(Db.Database, withDemo: true, CancellationToken.None);
        var environment = new Dictionary<string, string?>(Environment) { ["HKS_HOME"] = Home };
        _process = await DashboardProcess.StartAsync(environment, "--database", Db.Target.ConnectionString);
    }

    public HttpClient Client(bool followRedirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true }) { BaseAddress = Address };

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
        await Db.DisposeAsync();
        Directory.Delete(Home, recursive: true);
    }
}
