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
public sealed class AnalysisListCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string?> _portfolio = new Option<string?>("--portfolio") { Description = "Only this portfolio's analyses" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("list", "List value analyses, newest first") { _portfolio, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = parseResult.GetValue(_portfolio) is { } p ? PortfolioId.Require(p) : null;
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var analyses = await AnalysisStore.ListAsync(session.Connection, portfolioId, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, analyses, CommandJson.Types.IReadOnlyListAnalysisSummary);
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
        Context.Console.Write(table);
        return 0;
    }
}
