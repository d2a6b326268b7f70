using HkStrategy.Data.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using HkStrategy.Web.Addresses;

namespace HkStrategy.Web.Security;

/// <summary>Cookie sign-in when a password is set (every page and API call then needs it), antiforgery always.</summary>
public static class SecuritySetup
{
    public const string SignInPath = "/login";

    public const string FingerprintClaim = "hks:password-fingerprint";

    public static void AddDashboardSecurity(this WebApplicationBuilder builder, HksSettings settings)
    {
        var access = new DashboardAccess(settings.DashboardPassword);
        access.RequireSafeAddresses(Listening.ConfiguredUrls(builder));
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSignInRateLimits();
        builder.Services.AddTlsProxy(settings);
        if (!access.RequiresSignIn && builder.Configuration["AllowedHosts"] is null or "*")
        {
            // Without a sign-in, loopback is the only protection: a page elsewhere whose name resolves to 127.0.0.1 (DNS
            // rebinding) would otherwise be same-origin with the dashboard. Only loopback names are answered.
            builder.Configuration["AllowedHosts"] = "localhost;127.0.0.1;[::1]";
        }
        builder.Services.AddAntiforgery(options =>
        {
            options.HeaderName = "X-CSRF-TOKEN";
            options.Cookie.Name = "hks.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "hks.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS, also behind HKS_DASHBOARD_TLS_PROXY
            options.LoginPath = SignInPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal?.FindFirst(FingerprintClaim)?.Value != access.Fingerprint)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(access.RequiresSignIn
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()
            : null);
    }
}
