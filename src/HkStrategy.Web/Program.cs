using HkStrategy.Web.Api;
using HkStrategy.Web.Backups;
using HkStrategy.Web.Health;
using HkStrategy.Web.Portfolios;
using HkStrategy.Web.Security;
using HkStrategy.Web.Startup;

return await StartupFailures.ReportAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.ListenOnLoopbackByDefault();
    builder.AddDashboardSecurity();
    await builder.AddHksDatabaseAsync();
    builder.AddDashboard();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseDashboard();
    app.MapHealthEndpoints();
    app.MapDashboardApi();
    app.MapPortfolioSwitch();
    app.MapBackupDownload();
    app.MapPortfolioExport();
    app.AnnounceAddresses();

    await app.RunAsync();
});

/// <summary>The dashboard's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
