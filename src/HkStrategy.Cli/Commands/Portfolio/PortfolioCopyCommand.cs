using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Portfolios;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary><c>hks portfolio copy FROM TO [--name N]</c>: a new portfolio with the same positions and rules.</summary>
public sealed class PortfolioCopyCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _from = PortfolioCommand.Id("from");
    private readonly Argument<string> _to = PortfolioCommand.Id("to");
    private readonly Option<string?> _name = new Option<string?>("--name") { Description = "The copy's name (default: 'Copy of …')" };

    protected override Command Define()
    {
        return new Command("copy", "Copy a portfolio with its positions and rules into a new one") { _from, _to, _name };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var source = PortfolioCommand.RequireId(parseResult, _from);
        var target = PortfolioId.Require(parseResult.GetValue(_to));
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var outcome = await PortfolioChanges.CopyAsync(session.Connection, source, target, PortfolioText.Name(parseResult.GetValue(_name)), cancellationToken);
        await Context.Out.WriteLineAsync(outcome.Message);
        return 0;
    }
}
