using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Analyses;
using HkStrategy.Data.Connection;
using Microsoft.AspNetCore.Http.HttpResults;
using HkStrategy.Web.Shared;

namespace HkStrategy.Web.Analyses;

/// <summary>
/// <c>/api/analyses</c>: stored value analyses, one with its days and drawdown, and two compared. Read-only: analyses
/// are created and deleted on the Analyses page, whose forms carry antiforgery tokens.
/// </summary>
public static class AnalysisApi
{
    public static void MapAnalysisApi(this RouteGroupBuilder api)
    {
        var analyses = api.MapGroup("/analyses").WithTags("Analyses").RequireCurrentSchema();
        analyses.MapGet("/", ListAsync).WithSummary("Value analyses with their figures, newest first");
        analyses.MapGet("/compare", CompareAsync).WithSummary("Two value analyses and the difference B − A")
            .ProducesProblem(StatusCodes.Status404NotFound);
        analyses.MapGet("/{id}", GetAsync).WithSummary("One value analysis with its daily values, drawdown (fraction, 0 or below) and top contributors")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<AnalysisSummary>>, ValidationProblem>> ListAsync(string? portfolio, Database database, CancellationToken cancellationToken)
    {
        var all = string.IsNullOrWhiteSpace(portfolio);
        if (!all && ApiValidation.Check("portfolio", () => PortfolioId.Require(portfolio!.Trim())) is { } invalid)
        {
            return invalid;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await AnalysisStore.ListAsync(connection, all ? null : portfolio!.Trim(), cancellationToken));
    }

    private static async Task<Results<Ok<AnalysisDetail>, ValidationProblem>> GetAsync(string id, Database database, CancellationToken cancellationToken)
    {
        var analysisId = 0;
        if (ApiValidation.Check("id", () => analysisId = AnalysisIds.Require("id", id)) is { } invalid)
        {
            return invalid;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await AnalysisDetail.LoadAsync(connection, analysisId, cancellationToken));
    }

    private static async Task<Results<Ok<AnalysisComparison>, ValidationProblem>> CompareAsync(string? a, string? b, Database database, CancellationToken cancellationToken)
    {
        int first = 0, second = 0;
        if (ApiValidation.Check("a", () => first = AnalysisIds.Require("a", a)) is { } invalidA)
        {
            return invalidA;
        }
        if (ApiValidation.Check("b", () => second = AnalysisIds.Require("b", b)) is { } invalidB)
        {
            return invalidB;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var (x, _) = await AnalysisStore.GetAsync(connection, first, cancellationToken);
        var (y, _) = await AnalysisStore.GetAsync(connection, second, cancellationToken);
        return TypedResults.Ok(new AnalysisComparison(x, y, new Difference(y.TotalReturn - x.TotalReturn, y.MaxDrawdown - x.MaxDrawdown, y.Volatility - x.Volatility, y.Days - x.Days)));
    }

    /// <summary>What <c>hks analysis compare --json</c> gives: both analyses and B − A of their figures (fractions).</summary>
    public sealed record AnalysisComparison(AnalysisSummary First, AnalysisSummary Second, Difference Difference);

    public sealed record Difference(decimal? TotalReturn, decimal? MaxDrawdown, decimal? Volatility, int Days);
}
