using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Prices;

namespace HkStrategy.Cli.Commands.Prices;

/// <summary><c>hks prices refresh [--portfolio ID]</c>: each position's current price from its newest daily bar.</summary>
public sealed class PricesRefreshCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string?> _portfolio = new Option<string?>("--portfolio") { Description = "Only this portfolio's positions" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("refresh", "Set positions' current prices from their newest daily bars") { _portfolio, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = parseResult.GetValue(_portfolio) is { } p ? PortfolioId.Require(p) : null;
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        if (portfolioId is not null)
        {
            await PortfolioStore.GetAsync(session.Connection, portfolioId, cancellationToken);
        }
        var today = DateOnly.FromDateTime(HkStrategy.Core.Calendar.MarketClock.HongKongTime(Context.Clock.GetUtcNow()));
        var changed = await PriceRefresh.ApplyAsync(session.Connection, portfolioId, today, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, changed, CommandJson.Types.IReadOnlyListRefreshedPrice);
            return 0;
        }
        foreach (var c in changed)
        {
            await Context.Out.WriteLineAsync($"  {c.PortfolioId} {c.Symbol}: {(c.OldPrice is { } old ? Money.Price(old) : "-")} → {Money.Price(c.NewPrice)} (close of {c.BarDate:yyyy-MM-dd})");
        }
        await Context.Out.WriteLineAsync($"{changed.Count} position price(s) changed");
        return 0;
    }
}
