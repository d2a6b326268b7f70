using HkStrategy.Core.Calendar;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Connection;
using Microsoft.AspNetCore.Http.HttpResults;
using HkStrategy.Web.Shared;

namespace HkStrategy.Web.Equity;

/// <summary><c>/api/equity/{symbol}</c>: what the equity page draws, as data.</summary>
public static class EquityApi
{
    public static void MapEquityApi(this RouteGroupBuilder api)
    {
        var equity = api.MapGroup("/equity").WithTags("Equity").RequireCurrentSchema();
        equity.MapGet("/{symbol}", GetAsync)
            .WithSummary("Daily bars, indicators, signals with their evidence, and the position's rules of one symbol")
            .WithDescription("""
                The bars from `from` to `to` (YYYY-MM-DD; by default the last 12 months of bars) with EMA 5/20/50, Bollinger
                bands, RSI 14 and MACD computed over the whole history, the newest signal of each day with its evidence,
                and, with `portfolio`, the position held there and its rules (target sell, stop loss, add zone).
                A symbol no portfolio holds and without bars is a 404; a held one without bars has empty lists.
                """)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<EquityChart>, ValidationProblem>> GetAsync(
        string symbol, string? portfolio, string? from, string? to, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Each check stores what it read; the first that fails answers for the request.
        var normalized = "";
        string? portfolioId = null;
        DateOnly? first = null, last = null;
        var period = EquityPeriod.Latest;
        if ((ApiValidation.Check("symbol", () => normalized = HkexSymbol.Normalize(symbol))
            ?? ApiValidation.Check("portfolio", () => portfolioId = portfolio is null ? null : PortfolioId.Require(portfolio))
            ?? ApiValidation.Check("from", () => first = EquityPeriod.Day("from", from))
            ?? ApiValidation.Check("to", () => last = EquityPeriod.Day("to", to))
            ?? ApiValidation.Check("from", () => period = EquityPeriod.Of(first, last))) is { } invalid)
        {
            return invalid;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var lastTradingDay = MarketClock.LastClosedTradingDay(clock.GetUtcNow(), TradingCalendar.Hkex);
        return TypedResults.Ok(await EquityChart.LoadAsync(connection, normalized, portfolioId, period, lastTradingDay, cancellationToken));
    }
}
