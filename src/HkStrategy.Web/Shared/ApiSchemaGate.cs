using HkStrategy.Web.Schema;

namespace HkStrategy.Web.Shared;

/// <summary>API calls that read portfolio data answer 503 with the reason while the schema is not current.</summary>
public static class ApiSchemaGate
{
    public static TBuilder RequireCurrentSchema<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter(async (context, next) =>
    {
        var schema = context.HttpContext.RequestServices.GetRequiredService<SchemaCheck>();
        return await schema.ProblemAsync(context.HttpContext.RequestAborted) is { } problem
            ? TypedResults.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Schema not current")
            : await next(context);
    });
}
