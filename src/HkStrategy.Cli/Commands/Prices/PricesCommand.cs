using System.CommandLine;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Prices;

public static class PricesCommand
{
    public static Command Create(CliContext context) => new("prices", "Daily prices: import from CSV, refresh positions' current prices")
    {
        PricesImportCommand.Create(context),
        PricesRefreshCommand.Create(context),
    };
}
