using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Portfolios;
using HkStrategy.Operations.Ledger;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary>
/// <c>hks activity add PORTFOLIO --type T --date D [--symbol S] [--quantity Q] [--price P] [--amount A] [--currency C]
/// [--ratio N:M] [--fees auto|AMOUNT] [--note TEXT]</c>: records one activity and derives its position in the same transaction.
/// </summary>
public sealed class ActivityAddCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _portfolio = ActivityCommand.Portfolio();
    private readonly ActivityOptions _options = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        var command = new Command("add", "Record an activity; the position follows from it") { _portfolio, _json };
        foreach (var option in _options.All)
        {
            command.Options.Add(option);
        }
        return command;
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var draft = _options.Draft(parseResult, PortfolioId.Require(parseResult.GetValue(_portfolio)));
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var recorded = await LedgerChanges.AddAsync(session.Connection, draft, cancellationToken);
        await ActivityOutput.WriteAsync(Context, recorded, parseResult.GetValue(_json), "recorded");
        return 0;
    }
}
