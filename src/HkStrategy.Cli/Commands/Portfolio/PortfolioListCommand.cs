using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Portfolios;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio list</c>: every portfolio with positions, market value, cost and unrealised P&amp;L.</summary>
public sealed class PortfolioListCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("list", "Every portfolio with its positions, value, cost and unrealised P&L") { _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var portfolios = await PortfolioStore.ListAsync(session.Connection, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, portfolios, CommandJson.Types.IReadOnlyListPortfolioSummary);
            return 0;
        }
        var table = new Table().AddColumns("Portfolio", "Name").AddColumns(
            NumberColumn.Of("Positions"), NumberColumn.Of("Market value"), NumberColumn.Of("Cost"),
            NumberColumn.Of("Unrealised P&L"), NumberColumn.Of("P&L %"));
        foreach (var p in portfolios)
        {
            table.AddRow(Markup.Escape(p.PortfolioId), Markup.Escape(p.Name), p.Positions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Money.Amount(p.MarketValue), Money.Amount(p.Cost), Money.GainOrLoss(p.UnrealizedPnl), Money.Percent(p.UnrealizedPnlPercent));
        }
        table.AddRow("[bold]Total[/]", "", $"[bold]{portfolios.Sum(p => p.Positions)}[/]", $"[bold]{Money.Amount(portfolios.Sum(p => p.MarketValue))}[/]",
            $"[bold]{Money.Amount(portfolios.Sum(p => p.Cost))}[/]", $"[bold]{Money.GainOrLoss(portfolios.Sum(p => p.UnrealizedPnl))}[/]", "");
        Context.Console.Write(table);
        return 0;
    }
}
