using HkStrategy.Web.Backups;
using HkStrategy.Web.Analyses;
using HkStrategy.Web.Signals;
using HkStrategy.Web.Equity;
using HkStrategy.Web.Portfolios;
using HkStrategy.Web.Status;
using HkStrategy.Web.Activities;
using HkStrategy.Web.Performance;
namespace HkStrategy.Web.Startup;

/// <summary>The JSON API: the same data as the pages, described at <c>/openapi/v1.json</c>.</summary>
public static class DashboardApi
{
    public static void MapDashboardApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapPortfolioApi();
        api.MapStatusApi();
        api.MapBackupApi();
        api.MapEquityApi();
        api.MapSignalApi();
        api.MapAnalysisApi();
        api.MapActivityApi();
        api.MapPerformanceApi();
    }
}
