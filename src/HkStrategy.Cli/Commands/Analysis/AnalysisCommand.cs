using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Analysis;

public static class AnalysisCommand
{
    public static Command Create(CliContext context) => new("analysis", "Value analyses of portfolios and strategy analyses of equities")
    {
        new AnalysisCreateCommand(context).Create(),
        new AnalysisListCommand(context).Create(),
        new AnalysisShowCommand(context).Create(),
        new AnalysisDeleteCommand(context).Create(),
        new AnalysisCompareCommand(context).Create(),
        EquityAnalysisCommand.Create(context),
    };

    public static Argument<int> Id(string name = "id") => new(name) { Description = "The analysis's id ('hks analysis list' shows them)" };

    public static string Percent(decimal? fraction) => fraction is { } f ? (f * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : "-";
}
