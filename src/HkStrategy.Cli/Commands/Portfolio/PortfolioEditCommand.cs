using HkStrategy.Core.Portfolios;
using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Portfolios;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio edit ID [--name N] [--description D]</c>: changes only what is given.</summary>
public sealed class PortfolioEditCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _id = PortfolioCommand.Id();
    private readonly Option<string?> _name = new Option<string?>("--name") { Description = "A new name" };
    private readonly Option<string?> _description = new Option<string?>("--description") { Description = "A new description" };

    protected override Command Define()
    {
        return new Command("edit", "Change a portfolio's name or description") { _id, _name, _description };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioCommand.RequireId(parseResult, _id);
        var newName = PortfolioText.Name(parseResult.GetValue(_name));
        var newDescription = PortfolioText.Description(parseResult.GetValue(_description));
        if (newName is null && newDescription is null)
        {
            throw HksException.Usage("NothingToChange", "say what to change: --name or --description");
        }
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var outcome = await PortfolioChanges.EditAsync(session.Connection, portfolioId, newName, newDescription, cancellationToken);
        await Context.Out.WriteLineAsync(outcome.Message);
        return 0;
    }
}
