using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HkStrategy.Web.Health;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers at the latest schema version.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).AllowAnonymous();
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous();
    }

    private static async Task<Results<Ok<ReadyReport>, JsonHttpResult<ReadyReport>>> ReadyAsync(
        Database database, SchemaMigrator migrator, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var state = await migrator.InspectAsync(connection, cancellationToken);
            var ready = state.RecordedVersion == migrator.Catalog.Latest && state.Edited.Count == 0;
            var report = new ReadyReport(ready ? "ready" : "schema not at the latest version", state.RecordedVersion, migrator.Catalog.Latest);
            return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (HkStrategy.Core.Failures.HksException failure)
        {
            return TypedResults.Json(new ReadyReport(failure.Message, null, migrator.Catalog.Latest), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public sealed record ReadyReport(string Status, int? SchemaVersion, int LatestSchemaVersion);
}
