using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;

namespace HkStrategy.Cli.Commands.Position;

public static class PositionCommand
{
    public static Command Create(CliContext context) => new("position", "Positions of a portfolio: add, update, remove; their rules and events")
    {
        new PositionAddCommand(context).Create(),
        new PositionUpdateCommand(context).Create(),
        new PositionRemoveCommand(context).Create(),
    };

    public static Argument<string> Portfolio() => new("portfolio") { Description = "The portfolio's id" };

    public static Argument<string> Symbol() => new("symbol") { Description = "An HKEX symbol such as 0700.HK (700 and 700.hk work too)" };

    public static (string Portfolio, string Symbol) Require(ParseResult parseResult, Argument<string> portfolio, Argument<string> symbol) =>
        (PortfolioId.Require(parseResult.GetValue(portfolio)), HkexSymbol.Normalize(parseResult.GetValue(symbol)));
}
