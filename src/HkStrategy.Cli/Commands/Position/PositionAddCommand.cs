using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Positions;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Positions;

namespace HkStrategy.Cli.Commands.Position;

/// <summary><c>hks position add PORTFOLIO SYMBOL --quantity N --avg-cost X [--price P] [rules] [--event DATE:TEXT]</c>.</summary>
public sealed class PositionAddCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _portfolio = PositionCommand.Portfolio();
    private readonly Argument<string> _symbol = PositionCommand.Symbol();
    private readonly PositionOptions _options = new PositionOptions();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        var command = new Command("add", "Add a position to a portfolio") { _portfolio, _symbol, _json };
        foreach (var option in _options.All)
        {
            command.Options.Add(option);
        }
        return command;
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (portfolioId, code) = PositionCommand.Require(parseResult, _portfolio, _symbol);
        var change = _options.Change(parseResult);
        var rules = _options.Rules(parseResult);
        var events = _options.NewEvents(parseResult);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var outcome = await PositionChanges.AddAsync(session.Connection, portfolioId, code, change, rules, events, cancellationToken);
        await (parseResult.GetValue(_json) ? JsonOutput.WriteAsync(Context, outcome.Position, CommandJson.Types.Position) : Context.Out.WriteLineAsync(outcome.Message));
        return 0;
    }
}
