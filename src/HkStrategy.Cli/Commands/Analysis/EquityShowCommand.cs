using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Analyses;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis equity show</c>: one equity strategy analysis with its signals.</summary>
public sealed class EquityShowCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<int> _id = AnalysisCommand.Id();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("show", "One equity strategy analysis with its BUY, SELL and HOLD signals") { _id, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var (summary, signals) = await EquityAnalysisStore.GetAsync(session.Connection, parseResult.GetValue(_id), cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new EquityAnalysisShowJson(summary, signals), CommandJson.Types.EquityAnalysisShowJson);
            return 0;
        }
        Context.Console.MarkupLine($"[bold]{summary.Id}[/] {Markup.Escape(summary.Name)}: return {AnalysisCommand.Percent(summary.TotalReturn)}, {summary.TotalTrades} trade(s)");
        var table = new Table().AddColumns("Date", "Action", "Price", "Why");
        foreach (var s in signals)
        {
            table.AddRow(s.SignalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.SignalType, s.Price.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(s.Notes ?? ""));
        }
        Context.Console.Write(table);
        return 0;
    }
}

/// <summary>An equity strategy analysis and its signals.</summary>
internal sealed record EquityAnalysisShowJson(EquityAnalysisSummary Analysis, IReadOnlyList<StoredStrategySignal> Signals);
