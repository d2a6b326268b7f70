using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Positions;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Positions;
using HkStrategy.Operations.Backup;

namespace HkStrategy.Cli.Commands.Position;

/// <summary><c>hks position remove PORTFOLIO SYMBOL</c>: typed confirmation, a verified backup, then the position with its rules, signals and prices.</summary>
public sealed class PositionRemoveCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _portfolio = PositionCommand.Portfolio();
    private readonly Argument<string> _symbol = PositionCommand.Symbol();
    private readonly Option<bool> _yes = CommonOptions.Yes();

    protected override Command Define()
    {
        return new Command("remove", "Remove a position (typed confirmation; a verified backup first)") { _portfolio, _symbol, _yes };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (portfolioId, code) = PositionCommand.Require(parseResult, _portfolio, _symbol);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes), await PositionRemoval.AskAsync(session.Connection, portfolioId, code, cancellationToken), cancellationToken);
        var outcome = await new PositionRemoval(session.Database, Context.SafetyBackup).RemoveAsync(session.Connection, portfolioId, code, cancellationToken);
        await StepOutput.WriteAsync(Context, outcome);
        return 0;
    }
}
