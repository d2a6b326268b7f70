using System.Net;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Web.Maintenance;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace HkStrategy.Web.Failures;

/// <summary>
/// What a failed request answers: one line and a status code, never a stack trace. A database that went away under a
/// restore (its sessions ended, or renamed) gets the maintenance notice and an emptied connection pool, not an error.
/// </summary>
public sealed partial class DashboardExceptionHandler(Database database, MaintenanceMode maintenance, ILogger<DashboardExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        if (IsDatabaseOutage(exception))
        {
            database.DataSource.Clear();
            var reason = maintenance.RecentReason ?? $"the database is not available: {FirstLine(exception)}";
            LogOutage(logger, context.Request.Path.Value, reason);
            await MaintenanceResponse.WriteAsync(context, reason);
            return true;
        }
        if (ReadOnlyDatabase.IsRefusal(exception))
        {
            LogRefused(logger, context.Request.Path.Value, 503, ReadOnlyDatabase.Message);
            await WriteAsync(context, 503, ReadOnlyDatabase.Message, retryAfterSeconds: 5);
            return true;
        }
        var (status, message) = exception switch
        {
            HksException { ExitCode: ExitCode.Usage } usage => (usage.Name.EndsWith("Missing", StringComparison.Ordinal) ? 404 : 400, ForTheDashboard(usage.Message)),
            HksException { ExitCode: ExitCode.Refused } refused => (409, refused.Message),
            HksException { ExitCode: ExitCode.Environment } environment => (500, environment.Message),
            HksException other => (422, other.Message),
            BadHttpRequestException bad => (bad.StatusCode, "the request could not be read"),
            _ => (500, "something went wrong; the dashboard's log has the details"),
        };
        if (status == 500 && exception is not HksException)
        {
            LogUnexpected(logger, exception, context.Request.Path.Value);
        }
        else
        {
            LogRefused(logger, context.Request.Path.Value, status, message);
        }
        await WriteAsync(context, status, message);
        return true;
    }

    public static async Task WriteAsync(HttpContext context, int status, string message, int? retryAfterSeconds = null)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (MaintenanceResponse.WantsJson(context.Request))
        {
            await context.Response.WriteAsJsonAsync(new { title = ReasonPhrase(status), status, detail = message }, context.RequestAborted);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{ReasonPhrase(status)} · HK Strategy</title>
            <link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/css/site.css"></head><body><main class="failure"><h1>{ReasonPhrase(status)}</h1>
            <p id="failure-message">{WebUtility.HtmlEncode(message)}</p><p><a href="/">Back to the portfolios</a></p></main></body></html>
            """, context.RequestAborted);
    }

    /// <summary>Shared messages end with a command-line hint ("('hks portfolio list' shows them)"); a page has its own links.</summary>
    private static string ForTheDashboard(string message) => CommandHint().Replace(message, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\('hks [^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex CommandHint();

    private static bool IsDatabaseOutage(Exception exception) => exception switch
    {
        // Only a database that cannot be reached is an outage; a backup that failed (disk full, pg_dump missing) is not.
        HksException { ExitCode: ExitCode.Environment, Name: "ServerUnreachable" or "DatabaseMissing" or "DatabaseClosed" or "ServerStarting" } => true,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.InvalidCatalogName
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.ObjectNotInPrerequisiteState or PostgresErrorCodes.CrashShutdown,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        _ => exception.InnerException is { } inner && IsDatabaseOutage(inner),
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static string FirstLine(Exception exception) => exception.Message.Split('\n')[0].Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: database unavailable ({Reason})")]
    private static partial void LogOutage(ILogger logger, string? path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: refused with {Status}: {Message}")]
    private static partial void LogRefused(ILogger logger, string? path, int status, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: unexpected failure")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string? path);
}
