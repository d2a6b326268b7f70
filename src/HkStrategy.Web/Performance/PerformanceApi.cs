using HkStrategy.Core.Performance;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Performance;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HkStrategy.Web.Performance;

/// <summary>
/// <c>/api/portfolios/{id}/performance</c>: the same report as <c>hks performance --json</c> (fractions: 0.05 is 5%,
/// <c>mwr</c> annualised; money in HK$), for the period and against the benchmark and baseline asked for.
/// </summary>
public static class PerformanceApi
{
    public static void MapPerformanceApi(this RouteGroupBuilder api) =>
        api.MapGroup("/portfolios/{id}/performance").WithTags("Performance").RequireCurrentSchema()
            .MapGet("/", ReadAsync)
            .WithSummary("Realised and unrealised P&L, dividends, costs by kind, TWR, MWR, the benchmark's and baseline's returns, and the series behind them")
            .Produces<PerformanceReport>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The report's JSON is written once per report and kept with it (<see cref="PerformanceView"/>).</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ReadAsync(string id, string? from, string? to, string? benchmark,
        string? baseline, Database database, PerformanceCache reports, CancellationToken cancellationToken)
    {
        PerformanceQuery? query = null;
        if ((ApiValidation.Check("id", () => PortfolioId.Require(id))
            ?? ApiValidation.Check("from", () => new PerformanceParameters(from, null, null, null).Query())
            ?? ApiValidation.Check("to", () => new PerformanceParameters(null, to, null, null).Query())
            ?? ApiValidation.Check("benchmark", () => new PerformanceParameters(null, null, benchmark, null).Query())
            ?? ApiValidation.Check("baseline", () => query = new PerformanceParameters(from, to, benchmark, baseline).Query())) is { } invalid)
        {
            return invalid;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Bytes((await reports.ReadAsync(connection, id, query!, cancellationToken)).Json, "application/json; charset=utf-8");
    }
}
