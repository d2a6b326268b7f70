using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Portfolios;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio copy FROM TO [--name N]</c>: a new portfolio with the same positions and rules.</summary>
public static class PortfolioCopyCommand
{
    public static Command Create(CliContext context)
    {
        var from = PortfolioCommand.Id("from");
        var to = PortfolioCommand.Id("to");
        var name = new Option<string?>("--name") { Description = "The copy's name (default: 'Copy of …')" };
        var command = new Command("copy", "Copy a portfolio with its positions and rules into a new one") { from, to, name };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var source = PortfolioCommand.RequireId(parseResult, from);
            var target = PortfolioId.Require(parseResult.GetValue(to));
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var outcome = await PortfolioChanges.CopyAsync(session.Connection, source, target, PortfolioText.Name(parseResult.GetValue(name)), cancellationToken);
            await context.Out.WriteLineAsync(outcome.Message);
            return 0;
        });
        return command;
    }
}
