using HkStrategy.Core.Portfolios;
using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Data.Portfolios;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio create ID --name N [--description D]</c>.</summary>
public sealed class PortfolioCreateCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _id = PortfolioCommand.Id();
    private readonly Option<string> _name = new Option<string>("--name") { Description = "The portfolio's name (up to 200 characters)", Required = true };
    private readonly Option<string?> _description = new Option<string?>("--description") { Description = "What the portfolio is for" };

    protected override Command Define()
    {
        return new Command("create", "Create an empty portfolio") { _id, _name, _description };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioCommand.RequireId(parseResult, _id);
        var portfolioName = PortfolioText.Name(parseResult.GetValue(_name));
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var outcome = await PortfolioChanges.CreateAsync(session.Connection, portfolioId, portfolioName!, PortfolioText.Description(parseResult.GetValue(_description)), cancellationToken);
        await Context.Out.WriteLineAsync(outcome.Message);
        return 0;
    }
}
