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
public static class PositionAddCommand
{
    public static Command Create(CliContext context)
    {
        var portfolio = PositionCommand.Portfolio();
        var symbol = PositionCommand.Symbol();
        var options = new PositionOptions();
        var json = CommonOptions.Json();
        var command = new Command("add", "Add a position to a portfolio") { portfolio, symbol, json };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var (portfolioId, code) = PositionCommand.Require(parseResult, portfolio, symbol);
            var change = options.Change(parseResult);
            var rules = options.Rules(parseResult);
            var events = options.NewEvents(parseResult);
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var outcome = await PositionChanges.AddAsync(session.Connection, portfolioId, code, change, rules, events, cancellationToken);
            await (parseResult.GetValue(json) ? JsonOutput.WriteAsync(context, outcome.Position, CommandJson.Types.Position) : context.Out.WriteLineAsync(outcome.Message));
            return 0;
        });
        return command;
    }
}
