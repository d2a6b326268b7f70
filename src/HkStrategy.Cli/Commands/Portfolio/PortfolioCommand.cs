using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Portfolios;

namespace HkStrategy.Cli.Commands.Portfolio;

public static class PortfolioCommand
{
    public static Command Create(CliContext context) => new("portfolio", "Portfolios: list, show, create, edit, broker, copy, delete, export, import")
    {
        new PortfolioListCommand(context).Create(),
        new PortfolioShowCommand(context).Create(),
        new PortfolioCreateCommand(context).Create(),
        new PortfolioEditCommand(context).Create(),
        new PortfolioBrokerCommand(context).Create(),
        new PortfolioCopyCommand(context).Create(),
        new PortfolioDeleteCommand(context).Create(),
        new PortfolioExportCommand(context).Create(),
        new PortfolioImportCommand(context).Create(),
    };

    public static Argument<string> Id(string name = "id") => new(name) { Description = "The portfolio's id (1–50 letters, digits, '_' or '-')" };

    public static string RequireId(ParseResult parseResult, Argument<string> id) => PortfolioId.Require(parseResult.GetValue(id));
}
