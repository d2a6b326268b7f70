using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Positions;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio show ID</c>: the portfolio's totals and every position with its P&amp;L and rules.</summary>
public sealed class PortfolioShowCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _id = PortfolioCommand.Id();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("show", "One portfolio: totals and positions with P&L and rules") { _id, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioCommand.RequireId(parseResult, _id);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var summary = await PortfolioStore.GetAsync(session.Connection, portfolioId, cancellationToken);
        var positions = await PositionStore.ListAsync(session.Connection, portfolioId, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new PortfolioJson(summary, positions), CommandJson.Types.PortfolioJson);
            return 0;
        }
        Context.Console.MarkupLine($"[bold]{Markup.Escape(summary.PortfolioId)}[/]: {Markup.Escape(summary.Name)}{(summary.Description is { } d ? " — " + Markup.Escape(d) : "")}");
        var table = new Table().AddColumns("Symbol", "Company", "Sector").AddColumns(
            NumberColumn.Of("Quantity"), NumberColumn.Of("Avg cost"), NumberColumn.Of("Price"),
            NumberColumn.Of("Market value"), NumberColumn.Of("Unrealised P&L"), NumberColumn.Of("P&L %"),
            new TableColumn("Rules"));
        foreach (var p in positions)
        {
            table.AddRow(p.Symbol, Markup.Escape(p.CompanyName ?? ""), Markup.Escape(p.Sector ?? ""), p.Quantity.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Money.Price(p.AverageCost), Money.Price(p.CurrentPrice), Money.Amount(p.MarketValue), Money.GainOrLoss(p.UnrealizedPnl),
                Money.Percent(p.UnrealizedPnlPercent), Markup.Escape(Rules(p)));
        }
        table.AddRow("[bold]Total[/]", "", "", "", "", "", $"[bold]{Money.Amount(summary.MarketValue)}[/]", $"[bold]{Money.GainOrLoss(summary.UnrealizedPnl)}[/]",
            Money.Percent(summary.UnrealizedPnlPercent), "");
        Context.Console.Write(table);
        return 0;
    }

    private static string Rules(HkStrategy.Data.Positions.Position p) => string.Join(", ", HkStrategy.Data.Positions.RuleWords.For(p, Money.Price));
}

/// <summary>A portfolio's totals and its positions.</summary>
internal sealed record PortfolioJson(PortfolioSummary Portfolio, IReadOnlyList<HkStrategy.Data.Positions.Position> Positions);
