using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Data.Analyses;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis compare A B</c>: two value analyses side by side, with the difference.</summary>
public sealed class AnalysisCompareCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<int> _first = AnalysisCommand.Id("first");
    private readonly Argument<int> _second = AnalysisCommand.Id("second");
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("compare", "Two value analyses side by side") { _first, _second, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var (a, _) = await AnalysisStore.GetAsync(session.Connection, parseResult.GetValue(_first), cancellationToken);
        var (b, _) = await AnalysisStore.GetAsync(session.Connection, parseResult.GetValue(_second), cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new AnalysisComparisonJson(a, b,
                new AnalysisDifferenceJson(b.TotalReturn - a.TotalReturn, b.MaxDrawdown - a.MaxDrawdown, b.Volatility - a.Volatility)),
                CommandJson.Types.AnalysisComparisonJson);
            return 0;
        }
        var table = new Table().AddColumn("").AddColumn(NumberColumn.Of($"{a.Id} {Markup.Escape(a.Name)}"))
            .AddColumn(NumberColumn.Of($"{b.Id} {Markup.Escape(b.Name)}")).AddColumn(NumberColumn.Of("Difference"));
        table.AddRow("Portfolio", Markup.Escape(a.PortfolioId ?? "-"), Markup.Escape(b.PortfolioId ?? "-"), "");
        table.AddRow("Period", $"{a.StartDate:yyyy-MM-dd} – {a.EndDate:yyyy-MM-dd}", $"{b.StartDate:yyyy-MM-dd} – {b.EndDate:yyyy-MM-dd}", "");
        table.AddRow("Trading days", a.Days.ToString(CultureInfo.InvariantCulture), b.Days.ToString(CultureInfo.InvariantCulture), (b.Days - a.Days).ToString("+0;-0;0", CultureInfo.InvariantCulture));
        table.AddRow("Start value", Amount(a.StartPv), Amount(b.StartPv), "");
        table.AddRow("End value", Amount(a.EndPv), Amount(b.EndPv), "");
        table.AddRow("Total return", AnalysisCommand.Percent(a.TotalReturn), AnalysisCommand.Percent(b.TotalReturn), Points(b.TotalReturn - a.TotalReturn));
        table.AddRow("Max drawdown", AnalysisCommand.Percent(-a.MaxDrawdown), AnalysisCommand.Percent(-b.MaxDrawdown), Points(a.MaxDrawdown - b.MaxDrawdown));
        table.AddRow("Volatility (a year)", AnalysisCommand.Percent(a.Volatility).TrimStart('+'), AnalysisCommand.Percent(b.Volatility).TrimStart('+'), Points(b.Volatility - a.Volatility));
        Context.Console.Write(table);
        return 0;
    }

    private static string Amount(decimal? value) => value is { } v ? Money.Amount(v) : "-";

    private static string Points(decimal? fraction) => fraction is { } f ? (f * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " pts" : "-";
}

/// <summary>Two value analyses and the second's difference from the first.</summary>
internal sealed record AnalysisComparisonJson(AnalysisSummary First, AnalysisSummary Second, AnalysisDifferenceJson Difference);

internal sealed record AnalysisDifferenceJson(decimal? TotalReturn, decimal? MaxDrawdown, decimal? Volatility);
