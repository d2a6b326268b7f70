using System.CommandLine;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis equity run|list|show|delete</c>: a catalog strategy backtested on one symbol.</summary>
public static class EquityAnalysisCommand
{
    public static Command Create(CliContext context) => new("equity", "Strategy analyses of one equity: run, list, show, delete")
    {
        new EquityRunCommand(context).Create(), new EquityListCommand(context).Create(), new EquityShowCommand(context).Create(), new EquityDeleteCommand(context).Create(),
    };
}
