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
public sealed class PortfolioDeleteCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _id = PortfolioCommand.Id();
    private readonly Option<bool> _yes = CommonOptions.Yes();

    protected override Command Define()
    {
        return new Command("delete", "Delete a portfolio (typed confirmation; a verified backup first)") { _id, _yes };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioCommand.RequireId(parseResult, _id);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes), await PortfolioDeletion.AskAsync(session.Connection, portfolioId, cancellationToken), cancellationToken);
        var outcome = await new PortfolioDeletion(session.Database, Context.SafetyBackup).DeleteAsync(session.Connection, portfolioId, cancellationToken);
        await StepOutput.WriteAsync(Context, outcome);
        return 0;
    }
}
