using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Positions;
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
            await Confirmation.RequireAsync(context, parseResult.GetValue(yes), await PositionRemoval.AskAsync(session.Connection, portfolioId, code, cancellationToken), cancellationToken);
            var outcome = await new PositionRemoval(session.Database, context.SafetyBackup).RemoveAsync(session.Connection, portfolioId, code, cancellationToken);
            await StepOutput.WriteAsync(context, outcome);
            return 0;
        });
        return command;
    }
}
