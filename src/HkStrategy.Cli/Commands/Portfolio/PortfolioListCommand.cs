using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Portfolios;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio list</c>: every portfolio with positions, market value, cost and unrealised P&amp;L.</summary>
public static class PortfolioListCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "Every portfolio with its positions, value, cost and unrealised P&L") { json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var portfolios = await PortfolioStore.ListAsync(session.Connection, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, portfolios, CommandJson.Types.IReadOnlyListPortfolioSummary);
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
            context.Console.Write(table);
            return 0;
        });
        return command;
    }
}
