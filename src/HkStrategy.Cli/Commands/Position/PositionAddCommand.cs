using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
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
            if (change.Quantity is null || change.AverageCost is null)
            {
                throw HksException.Usage("QuantityAndCostRequired", "a new position needs --quantity and --avg-cost");
            }
            var known = KnownCompanies.Find(code);
            change = change with { CompanyName = change.CompanyName ?? known?.Name, Sector = change.Sector ?? known?.Sector ?? "Other" };
            var rules = options.Rules(parseResult);
            var events = options.NewEvents(parseResult);
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var position = await new PositionEdit(rules, events, []).ApplyAsync(session.Connection, portfolioId, code,
                transaction => PositionStore.AddAsync(session.Connection, portfolioId, code, change, cancellationToken, transaction), cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, position);
            }
            else
            {
                await context.Out.WriteLineAsync($"added {code} ({position.CompanyName}) to {portfolioId}: {position.Quantity:N0} at {Money.Price(position.AverageCost)}, worth HK${Money.Amount(position.MarketValue)}");
            }
            return 0;
        });
        return command;
    }
}
