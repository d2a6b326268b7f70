using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using Microsoft.AspNetCore.Http.HttpResults;
using HkStrategy.Web.Shared;

namespace HkStrategy.Web.Portfolios;

/// <summary><c>/api/portfolios</c>: portfolios with totals, and one portfolio's positions with signals and stale flags.</summary>
public static class PortfolioApi
{
    public static void MapPortfolioApi(this RouteGroupBuilder api)
    {
        var portfolios = api.MapGroup("/portfolios").WithTags("Portfolios").RequireCurrentSchema();
        portfolios.MapGet("/", ListAsync);
        portfolios.MapGet("/{id}", GetAsync);
        portfolios.MapGet("/{id}/positions", PositionsAsync);
    }

    private static async Task<Ok<IReadOnlyList<PortfolioSummary>>> ListAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await PortfolioStore.ListAsync(connection, cancellationToken));
    }

    private static async Task<Results<Ok<PortfolioSummary>, ValidationProblem>> GetAsync(string id, Database database, CancellationToken cancellationToken)
    {
        if (ApiValidation.Check("id", () => PortfolioId.Require(id)) is { } invalid)
        {
            return invalid;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await PortfolioStore.GetAsync(connection, id, cancellationToken));
    }

    private static async Task<Results<Ok<PositionsResponse>, ValidationProblem>> PositionsAsync(
        string id, Database database, TimeProvider clock, PortfolioViewCache views, CancellationToken cancellationToken)
    {
        if (ApiValidation.Check("id", () => PortfolioId.Require(id)) is { } invalid)
        {
            return invalid;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var view = await views.ViewAsync(connection, id, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new PositionsResponse(view.Summary, view.LastTradingDay, view.Positions.Select(PositionResponse.From).ToList(), view.Sectors));
    }

    public sealed record PositionsResponse(PortfolioSummary Portfolio, DateOnly LastTradingDay, IReadOnlyList<PositionResponse> Positions, IReadOnlyList<SectorShare> Sectors);

    public sealed record SignalResponse(string Code, string Strategy, int Strength, DateOnly TradeDate);

    public sealed record PositionResponse(
        string Symbol, string? CompanyName, string? Sector, int Quantity, decimal AverageCost, decimal CurrentPrice, decimal MarketValue,
        decimal Cost, decimal UnrealizedPnl, decimal? UnrealizedPnlPercent, decimal? TargetSell, decimal? StopLoss, decimal? AddZoneLow,
        decimal? AddZoneHigh, decimal? TrimMin, decimal? TacticalStop, IReadOnlyList<string> BuyOnly, DateOnly? NewestBar, bool StalePrice,
        SignalResponse? LatestSignal, long Version)
    {
        public static PositionResponse From(PositionView view)
        {
            var p = view.Position;
            var signal = view.LatestSignal is { } s ? new SignalResponse(s.Code, s.StrategyName, s.Strength, s.TradeDate) : null;
            return new PositionResponse(p.Symbol, p.CompanyName, p.Sector, p.Quantity, p.AverageCost, p.CurrentPrice, p.MarketValue, p.Cost,
                p.UnrealizedPnl, p.UnrealizedPnlPercent, p.TargetSell, p.StopLoss, p.AddZoneLow, p.AddZoneHigh, p.TrimMin, p.TacticalStop, p.BuyOnly, view.NewestBar, view.IsStale, signal, p.Version);
        }
    }
}
