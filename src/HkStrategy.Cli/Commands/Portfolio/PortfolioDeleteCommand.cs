using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Backup;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary>
/// <c>hks portfolio delete ID</c>: after a typed confirmation and a verified backup, the portfolio goes with its
/// positions, rules, signals and prices (its analyses are kept, unlinked).
/// </summary>
public static class PortfolioDeleteCommand
{
    public static Command Create(CliContext context)
    {
        var id = PortfolioCommand.Id();
        var yes = CommonOptions.Yes();
        var command = new Command("delete", "Delete a portfolio (typed confirmation; a verified backup first)") { id, yes };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var portfolioId = PortfolioCommand.RequireId(parseResult, id);
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var summary = await PortfolioStore.GetAsync(session.Connection, portfolioId, cancellationToken);
            await Confirmation.RequireAsync(context, parseResult.GetValue(yes),
                $"This deletes portfolio {portfolioId} ({summary.Name}) with its {summary.Positions} position(s) worth HK${Money.Amount(summary.MarketValue)}, their rules, signals and prices, after a verified backup.",
                portfolioId, cancellationToken);
            var backup = await context.SafetyBackup.TakeAsync(session.Database, "pre_delete", cancellationToken);
            await PortfolioStore.DeleteAsync(session.Connection, portfolioId, cancellationToken);
            await context.Out.WriteLineAsync($"deleted portfolio {portfolioId}; backup (verified) {backup.Path}");
            return 0;
        });
        return command;
    }
}
