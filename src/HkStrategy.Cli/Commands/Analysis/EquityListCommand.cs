using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Analyses;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis equity list</c>: equity strategy analyses, newest first.</summary>
public sealed class EquityListCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string?> _symbol = new Option<string?>("--symbol") { Description = "Only this symbol's analyses" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("list", "List equity strategy analyses, newest first") { _symbol, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var code = parseResult.GetValue(_symbol) is { } s ? HkexSymbol.Normalize(s) : null;
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var analyses = await EquityAnalysisStore.ListAsync(session.Connection, code, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, analyses, CommandJson.Types.IReadOnlyListEquityAnalysisSummary);
            return 0;
        }
        var table = new Table().AddColumns("Id", "Symbol", "Strategy", "Period", "Return", "Max drawdown", "Sharpe", "Trades", "Win rate");
        foreach (var a in analyses)
        {
            table.AddRow(a.Id.ToString(CultureInfo.InvariantCulture), a.Symbol, Markup.Escape(a.Strategy), $"{a.StartDate:yyyy-MM-dd} – {a.EndDate:yyyy-MM-dd}",
                AnalysisCommand.Percent(a.TotalReturn), AnalysisCommand.Percent(-a.MaxDrawdown), a.SharpeRatio?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
                a.TotalTrades.ToString(CultureInfo.InvariantCulture), a.WinRate is { } w ? (w * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "-");
        }
        Context.Console.Write(table);
        return 0;
    }
}
