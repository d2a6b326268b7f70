using HkStrategy.Core.Portfolios;
using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Data.Portfolios;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio create ID --name N [--description D]</c>.</summary>
public static class PortfolioCreateCommand
{
    public static Command Create(CliContext context)
    {
        var id = PortfolioCommand.Id();
        var name = new Option<string>("--name") { Description = "The portfolio's name (up to 200 characters)", Required = true };
        var description = new Option<string?>("--description") { Description = "What the portfolio is for" };
        var command = new Command("create", "Create an empty portfolio") { id, name, description };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var portfolioId = PortfolioCommand.RequireId(parseResult, id);
            var portfolioName = PortfolioText.Name(parseResult.GetValue(name));
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var outcome = await PortfolioChanges.CreateAsync(session.Connection, portfolioId, portfolioName!, PortfolioText.Description(parseResult.GetValue(description)), cancellationToken);
            await context.Out.WriteLineAsync(outcome.Message);
            return 0;
        });
        return command;
    }
}
