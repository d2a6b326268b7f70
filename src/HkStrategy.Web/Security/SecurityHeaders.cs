using System.Net;
using HkStrategy.Data.Settings;
using Microsoft.AspNetCore.HttpOverrides;

namespace HkStrategy.Web.Security;

/// <summary>
/// What every response carries and every connection must be: a Content-Security-Policy (no inline or foreign script;
/// chart data travels as non-executable JSON blocks), no framing, no sniffing; HTTPS as seen through a configured TLS
/// proxy (<c>HKS_DASHBOARD_TLS_PROXY</c>), so cookies are <c>Secure</c> there; and, without a password, an answer only
/// for connections from this machine.
/// </summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void AddTlsProxy(this IServiceCollection services, HksSettings settings)
    {
        if (settings.DashboardTlsProxy is not { } address)
        {
            return;
        }
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Add(address);
        });
    }

    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<HksSettings>().DashboardTlsProxy is not null)
        {
            app.UseForwardedHeaders();
        }
        var access = app.Services.GetRequiredService<DashboardAccess>();
        app.Use(async (context, next) =>
        {
            if (!access.RequiresSignIn && context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                context.Abort(); // not one byte for another machine when no password protects the dashboard
                return;
            }
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next(context);
        });
    }
}
