using HkStrategy.Core.Input;
using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Analysis;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Signals;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Analyses;
using HkStrategy.Operations.Analysis;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis equity run|list|show|delete</c>: a catalog strategy backtested on one symbol.</summary>
public static class EquityAnalysisCommand
{
    public static Command Create(CliContext context) => new("equity", "Strategy analyses of one equity: run, list, show, delete")
    {
        new EquityRunCommand(context).Create(), new EquityListCommand(context).Create(), new EquityShowCommand(context).Create(), new EquityDeleteCommand(context).Create(),
    };
}
