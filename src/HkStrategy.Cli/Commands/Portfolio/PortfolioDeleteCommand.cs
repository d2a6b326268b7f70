using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Portfolios;
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
            await Confirmation.RequireAsync(context, parseResult.GetValue(yes), await PortfolioDeletion.AskAsync(session.Connection, portfolioId, cancellationToken), cancellationToken);
            var outcome = await new PortfolioDeletion(session.Database, context.SafetyBackup).DeleteAsync(session.Connection, portfolioId, cancellationToken);
            await StepOutput.WriteAsync(context, outcome);
            return 0;
        });
        return command;
    }
}
