using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace HkStrategy.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter on sign-in attempts: 10 a minute per client address and 60 a minute in all, so that
/// many clients cannot guess in parallel either. A limited attempt is answered 429 with <c>Retry-After</c>.
/// </summary>
public static class SignInRateLimits
{
    public static void AddSignInRateLimits(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        // Only sign-in attempts (POST /login) are limited: pages, assets and the API are not.
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context)
            ? RateLimitPartition.GetFixedWindowLimiter(Client(context).ToString(), _ => Window(10))
            : RateLimitPartition.GetNoLimiter(""));
        var inAll = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context)
            ? RateLimitPartition.GetFixedWindowLimiter("all sign-ins", _ => Window(60))
            : RateLimitPartition.GetNoLimiter(""));
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, inAll);
        options.OnRejected = (context, _) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimits))
                .LogWarning("sign-in attempts from {Client} limited", Client(context.HttpContext));
            return ValueTask.CompletedTask;
        };
    });

    private static FixedWindowRateLimiterOptions Window(int attempts) => new() { PermitLimit = attempts, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    public static IPAddress Client(HttpContext context) => context.Connection.RemoteIpAddress ?? IPAddress.None;

    private static bool IsSignInAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(SecuritySetup.SignInPath, StringComparison.OrdinalIgnoreCase);
}
