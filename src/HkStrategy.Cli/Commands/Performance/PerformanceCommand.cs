using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Input;
using HkStrategy.Core.Performance;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Operations.Performance;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Performance;

/// <summary>
/// <c>hks performance PORTFOLIO [--from D] [--to D] [--benchmark SYMBOL] [--baseline-date D]</c>: what the portfolio
/// made, after costs and with dividends, and whether it beat the benchmark and its own baseline.
/// </summary>
public sealed class PerformanceCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _portfolio = new("portfolio") { Description = "The portfolio's id" };
    private readonly Option<string?> _from = new("--from") { Description = "The period's first day (YYYY-MM-DD; default: the first activity's)" };
    private readonly Option<string?> _to = new("--to") { Description = "The period's last day (default: the last close)" };
    private readonly Option<string?> _benchmark = new("--benchmark") { Description = "The symbol compared with (default 2800.HK, the Tracker Fund; ^HSI works too)" };
    private readonly Option<string?> _baseline = new("--baseline-date") { Description = "Compare with the holdings of this day held unchanged" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define() =>
        new("performance", "Returns after costs and with dividends: P&L, TWR, MWR, against a benchmark and a baseline") { _portfolio, _from, _to, _benchmark, _baseline, _json };

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioId.Require(parseResult.GetValue(_portfolio));
        var query = new PerformanceQuery(
            InputValues.Date("--from", parseResult.GetValue(_from)), InputValues.Date("--to", parseResult.GetValue(_to)),
            parseResult.GetValue(_benchmark) is { } benchmark ? MarketSymbol.Normalize(benchmark) : PerformanceRequest.DefaultBenchmark,
            InputValues.Date("--baseline-date", parseResult.GetValue(_baseline)));
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var report = await PerformanceReading.ReadAsync(session.Connection, portfolioId, query, Context.Clock, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, report, CommandJson.Types.PerformanceReport);
            return 0;
        }
        Write(portfolioId, report);
        return 0;
    }

    private void Write(string portfolioId, PerformanceReport report)
    {
        Context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{portfolioId} from {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}")));
        var summary = new Table().AddColumn("").AddColumn(NumberColumn.Of(""));
        summary.AddRow("Value at the start", Money.Amount(report.StartValue));
        summary.AddRow("Money put in (net)", Money.Amount(report.NetFlows));
        summary.AddRow("Value at the end", Money.Amount(report.EndValue));
        summary.AddRow("Realised P&L", Money.GainOrLoss(report.RealizedPnl));
        summary.AddRow("Unrealised P&L", Money.GainOrLoss(report.UnrealizedPnl));
        summary.AddRow("Dividends", Money.Amount(report.Dividends));
        summary.AddRow("Costs", Money.Amount(report.Fees.Total));
        summary.AddRow("Time-weighted return", Rate(report.Twr));
        summary.AddRow("Money-weighted return (a year)", Rate(report.Mwr));
        summary.AddRow(Markup.Escape($"Benchmark {report.Benchmark.Symbol}"), Rate(report.Benchmark.Twr));
        if (report.Baseline is { } baseline)
        {
            summary.AddRow(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Baseline: the holdings of {baseline.Date:yyyy-MM-dd} held")), Rate(baseline.Twr));
        }
        Context.Console.Write(summary);
        if (report.Unpriced.Count > 0)
        {
            Context.Console.MarkupLine(Markup.Escape($"No closes for {string.Join(", ", report.Unpriced)}: valued at the last trade's price ('hks prices fetch' brings them)"));
        }
        var positions = new Table().AddColumn("Symbol").AddColumn(NumberColumn.Of("Shares")).AddColumn(NumberColumn.Of("Cost")).AddColumn(NumberColumn.Of("Value"))
            .AddColumn(NumberColumn.Of("Realised")).AddColumn(NumberColumn.Of("Unrealised")).AddColumn(NumberColumn.Of("Dividends")).AddColumn(NumberColumn.Of("Costs"))
            .AddColumn(NumberColumn.Of("TWR")).AddColumn(NumberColumn.Of("MWR"));
        foreach (var p in report.Positions)
        {
            positions.AddRow(p.Symbol, Money.Shares(p.Quantity), Money.Amount(p.Cost), Money.Amount(p.Value), Money.GainOrLoss(p.RealizedPnl),
                Money.GainOrLoss(p.UnrealizedPnl), Money.Amount(p.Dividends), Money.Amount(p.Fees), Rate(p.Twr), Rate(p.Mwr));
        }
        Context.Console.Write(positions);
    }

    private static string Rate(decimal? fraction) => fraction is { } f ? Money.Percent(Math.Round(f * 100m, 2, MidpointRounding.AwayFromZero)) : "-";
}
