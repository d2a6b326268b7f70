using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Prices;

namespace HkStrategy.Cli.Commands.Prices;

/// <summary><c>hks prices refresh [--portfolio ID]</c>: each position's current price from its newest daily bar.</summary>
public static class PricesRefreshCommand
{
    public static Command Create(CliContext context)
    {
        var portfolio = new Option<string?>("--portfolio") { Description = "Only this portfolio's positions" };
        var json = CommonOptions.Json();
        var command = new Command("refresh", "Set positions' current prices from their newest daily bars") { portfolio, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var portfolioId = parseResult.GetValue(portfolio) is { } p ? PortfolioId.Require(p) : null;
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            if (portfolioId is not null)
            {
                await PortfolioStore.GetAsync(session.Connection, portfolioId, cancellationToken);
            }
            var today = DateOnly.FromDateTime(HkStrategy.Core.Calendar.MarketClock.HongKongTime(context.Clock.GetUtcNow()));
            var changed = await PriceRefresh.ApplyAsync(session.Connection, portfolioId, today, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, changed, CommandJson.Types.IReadOnlyListRefreshedPrice);
                return 0;
            }
            foreach (var c in changed)
            {
                await context.Out.WriteLineAsync($"  {c.PortfolioId} {c.Symbol}: {(c.OldPrice is { } old ? Money.Price(old) : "-")} → {Money.Price(c.NewPrice)} (close of {c.BarDate:yyyy-MM-dd})");
            }
            await context.Out.WriteLineAsync($"{changed.Count} position price(s) changed");
            return 0;
        });
        return command;
    }
}
