using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Positions;
using HkStrategy.Operations.Backup;

namespace HkStrategy.Cli.Commands.Position;

/// <summary><c>hks position remove PORTFOLIO SYMBOL</c>: typed confirmation, a verified backup, then the position with its rules, signals and prices.</summary>
public static class PositionRemoveCommand
{
    public static Command Create(CliContext context)
    {
        var portfolio = PositionCommand.Portfolio();
        var symbol = PositionCommand.Symbol();
        var yes = CommonOptions.Yes();
        var command = new Command("remove", "Remove a position (typed confirmation; a verified backup first)") { portfolio, symbol, yes };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var (portfolioId, code) = PositionCommand.Require(parseResult, portfolio, symbol);
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var position = await PositionStore.GetAsync(session.Connection, portfolioId, code, cancellationToken);
            await Confirmation.RequireAsync(context, parseResult.GetValue(yes),
                $"This removes {code} ({position.Quantity:N0} shares worth HK${Money.Amount(position.MarketValue)}) from {portfolioId}, with its rules, signals and price history, after a verified backup.",
                code, cancellationToken);
            var backup = await context.SafetyBackup.TakeAsync(session.Database, "pre_remove", cancellationToken);
            await PositionStore.RemoveAsync(session.Connection, portfolioId, code, cancellationToken);
            await context.Out.WriteLineAsync($"removed {code} from {portfolioId}; backup (verified) {backup.Path}");
            return 0;
        });
        return command;
    }
}
