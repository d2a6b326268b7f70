using HkStrategy.Core.Portfolios;
using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Portfolios;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio edit ID [--name N] [--description D]</c>: changes only what is given.</summary>
public static class PortfolioEditCommand
{
    public static Command Create(CliContext context)
    {
        var id = PortfolioCommand.Id();
        var name = new Option<string?>("--name") { Description = "A new name" };
        var description = new Option<string?>("--description") { Description = "A new description" };
        var command = new Command("edit", "Change a portfolio's name or description") { id, name, description };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var portfolioId = PortfolioCommand.RequireId(parseResult, id);
            var newName = PortfolioText.Name(parseResult.GetValue(name));
            var newDescription = PortfolioText.Description(parseResult.GetValue(description));
            if (newName is null && newDescription is null)
            {
                throw HksException.Usage("NothingToChange", "say what to change: --name or --description");
            }
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var outcome = await PortfolioChanges.EditAsync(session.Connection, portfolioId, newName, newDescription, cancellationToken);
            await context.Out.WriteLineAsync(outcome.Message);
            return 0;
        });
        return command;
    }
}
