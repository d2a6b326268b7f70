using System.CommandLine;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Prices;

public static class PricesCommand
{
    public static Command Create(CliContext context) => new("prices", "Daily prices: import from CSV, fetch from Yahoo Finance, refresh positions' current prices, repack close series")
    {
        new PricesImportCommand(context).Create(),
        new PricesFetchCommand(context).Create(),
        new PricesRefreshCommand(context).Create(),
        new PricesRepackCommand(context).Create(),
    };
}
