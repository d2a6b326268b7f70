namespace HkStrategy.Web.Maintenance;

/// <summary>While <see cref="MaintenanceMode"/> is on: pages show the maintenance notice and the API answers 503 with Retry-After.</summary>
public static class MaintenanceGate
{
    public static IApplicationBuilder UseMaintenanceGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        // An operation's progress page never touches the database: it keeps showing the restore while it switches.
        if (path.StartsWithSegments("/health/live") || path.StartsWithSegments("/jobs") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/favicon.svg")
            || context.RequestServices.GetRequiredService<MaintenanceMode>().Reason is not { } reason)
        {
            await next(context);
            return;
        }
        await MaintenanceResponse.WriteAsync(context, reason);
    });
}
