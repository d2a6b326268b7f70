using HkStrategy.Web.Backups;
using HkStrategy.Web.Health;
using HkStrategy.Web.Portfolios;
using HkStrategy.Web.Security;
using HkStrategy.Web.Addresses;

namespace HkStrategy.Web.Startup;

/// <summary>Builds and runs the dashboard: for its own program and for <c>hks serve</c>.</summary>
public static class DashboardHost
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) => StartupFailures.ReportAsync(async () =>
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Pages are found in this assembly, also when another program (hks serve) hosts the dashboard.
            ApplicationName = typeof(DashboardHost).Assembly.GetName().Name,
        });
        var settings = builder.AddHksSettings();
        builder.ListenOnLoopbackByDefault();
        builder.AddDashboardSecurity(settings);
        await builder.AddHksDatabaseAsync(settings);
        builder.AddDashboard(settings);

        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.UseDashboard();
        app.MapHealthEndpoints();
        app.MapDashboardApi();
        app.MapPortfolioSwitch();
        app.MapBackupDownload();
        app.MapPortfolioExport();
        HkStrategy.Web.Activities.ActivityApi.MapActivityExport(app);
        await app.StartAsync(cancellationToken);
        // Kestrel's own configuration (Kestrel__Endpoints__…) can add addresses the --urls check never saw.
        try
        {
            app.Services.GetRequiredService<DashboardAccess>().RequireSafeAddresses(app.Urls);
        }
        catch
        {
            await app.StopAsync(CancellationToken.None);
            throw;
        }
        app.AnnounceAddresses();
        await app.WaitForShutdownAsync(cancellationToken);
    });
}
