namespace HkStrategy.Web.Api;

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
    }
}
