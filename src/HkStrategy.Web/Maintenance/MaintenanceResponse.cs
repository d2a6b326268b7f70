using System.Net;

namespace HkStrategy.Web.Maintenance;

/// <summary>The 503 a request gets while the database is switched: a JSON problem for the API, a page that retries itself for people.</summary>
public static class MaintenanceResponse
{
    public const int RetryAfterSeconds = 2;

    public static async Task WriteAsync(HttpContext context, string reason)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (WantsJson(context.Request))
        {
            await context.Response.WriteAsJsonAsync(new { title = "Maintenance", status = 503, detail = reason, maintenance = true },
                context.RequestAborted);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{{RetryAfterSeconds}}">
            <title>Maintenance · HK Strategy</title><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="maintenance"><h1>HK Strategy is in maintenance</h1>
            <p id="maintenance-notice">{{WebUtility.HtmlEncode(reason)}}. This page reloads by itself; nothing you saw before is lost.</p></main></body></html>
            """, context.RequestAborted);
    }

    public static bool WantsJson(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/health")
        || request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
