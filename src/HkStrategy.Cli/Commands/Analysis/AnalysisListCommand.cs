using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Analyses;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis list [--portfolio ID]</c>: value analyses, newest first.</summary>
public static class AnalysisListCommand
{
    public static Command Create(CliContext context)
    {
        var portfolio = new Option<string?>("--portfolio") { Description = "Only this portfolio's analyses" };
        var json = CommonOptions.Json();
        var command = new Command("list", "List value analyses, newest first") { portfolio, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var portfolioId = parseResult.GetValue(portfolio) is { } p ? PortfolioId.Require(p) : null;
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var analyses = await AnalysisStore.ListAsync(session.Connection, portfolioId, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, analyses, CommandJson.Types.IReadOnlyListAnalysisSummary);
                return 0;
            }
            var table = new Table().AddColumns("Id", "Portfolio", "Name", "Period").AddColumns(NumberColumn.Of("Days"),
                NumberColumn.Of("Start value"), NumberColumn.Of("End value"), NumberColumn.Of("Return"),
                NumberColumn.Of("Max drawdown"), NumberColumn.Of("Volatility"));
            foreach (var a in analyses)
            {
                table.AddRow(a.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(a.PortfolioId ?? "-"), Markup.Escape(a.Name),
                    $"{a.StartDate:yyyy-MM-dd} – {a.EndDate:yyyy-MM-dd}", a.Days.ToString(CultureInfo.InvariantCulture),
                    a.StartPv is { } s ? Money.Amount(s) : "-", a.EndPv is { } e ? Money.Amount(e) : "-", AnalysisCommand.Percent(a.TotalReturn),
                    AnalysisCommand.Percent(-a.MaxDrawdown), AnalysisCommand.Percent(a.Volatility).TrimStart('+'));
            }
            context.Console.Write(table);
            return 0;
        });
        return command;
    }
}
