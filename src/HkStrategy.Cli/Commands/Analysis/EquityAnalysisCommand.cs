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
        Run(context), List(context), Show(context), Delete(context),
    };

    private static Command Run(CliContext context)
    {
        var symbol = new Option<string>("--symbol") { Description = "An HKEX symbol such as 0700.HK", Required = true };
        var strategy = new Option<string>("--strategy") { Description = "A catalog strategy: BBRK, BRSV, SBRK, SOVB or HMOM (or its full code, BBRK9)", Required = true };
        var from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD)", Required = true };
        var to = new Option<string>("--to") { Description = "Last day (at most two years after --from)", Required = true };
        var fee = new Option<double>("--fee-bps") { Description = "Fees per side in basis points (default 0)", DefaultValueFactory = _ => 0 };
        var name = new Option<string?>("--name") { Description = "A name for the analysis" };
        var target = new Option<string?>("--target") { Description = "Target sell price (the overbought reversal, SOVB, needs one)" };
        var json = CommonOptions.Json();
        var command = new Command("run", "Backtest a catalog strategy on one symbol and store the analysis") { symbol, strategy, from, to, fee, name, target, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var code = HkexSymbol.Normalize(parseResult.GetValue(symbol));
            var text = (parseResult.GetValue(strategy) ?? "").Trim().ToUpperInvariant();
            var chosen = StrategyCatalog.Find(text.Length == 5 ? text[..4] : text)
                ?? throw HksException.Usage("UnknownStrategy", $"'{text}' is not in the catalog: {string.Join(", ", StrategyCatalog.All.Select(s => $"{s.Code.CatalogKey} ({s.Name})"))}");
            var fees = parseResult.GetValue(fee) is var f and >= 0 and <= 500 ? f : throw HksException.Usage("InvalidFee", "--fee-bps is 0 to 500");
            var first = InputValues.Date("--from", parseResult.GetValue(from))!.Value;
            var last = InputValues.Date("--to", parseResult.GetValue(to))!.Value;
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var run = await new EquityAnalysisRunner(TradingCalendar.Hkex).RunAsync(session.Connection, code, chosen, first, last, fees,
                InputValues.Text("--name", parseResult.GetValue(name), 200), InputValues.Price("--target", parseResult.GetValue(target)), cancellationToken);
            var r = run.Result;
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new EquityAnalysisJson(
                    run.Id, run.Symbol, run.Strategy.Code.ToString(), run.Name, run.From, run.To, r.TotalReturn, r.Volatility, r.MaxDrawdown,
                    r.Sharpe, r.Sortino, r.WinRate, r.ProfitFactor, r.Trades.Count, r.Signals.Count, BacktestResult.Assumptions),
                    CommandJson.Types.EquityAnalysisJson);
                return 0;
            }
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"equity analysis {run.Id} \"{run.Name}\": return {r.TotalReturn:+0.00%;-0.00%}, volatility {r.Volatility:0.00%}, max drawdown {r.MaxDrawdown:0.00%}, "
                + $"Sharpe {r.Sharpe:0.00}, Sortino {r.Sortino:0.00}, {r.Trades.Count} trade(s), win rate {(r.WinRate is { } w ? w.ToString("0%", CultureInfo.InvariantCulture) : "-")}, "
                + $"profit factor {(r.ProfitFactor is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : "-")}"));
            await context.Out.WriteLineAsync($"assumptions: {BacktestResult.Assumptions}");
            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var symbol = new Option<string?>("--symbol") { Description = "Only this symbol's analyses" };
        var json = CommonOptions.Json();
        var command = new Command("list", "List equity strategy analyses, newest first") { symbol, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var code = parseResult.GetValue(symbol) is { } s ? HkexSymbol.Normalize(s) : null;
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var analyses = await EquityAnalysisStore.ListAsync(session.Connection, code, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, analyses, CommandJson.Types.IReadOnlyListEquityAnalysisSummary);
                return 0;
            }
            var table = new Table().AddColumns("Id", "Symbol", "Strategy", "Period", "Return", "Max drawdown", "Sharpe", "Trades", "Win rate");
            foreach (var a in analyses)
            {
                table.AddRow(a.Id.ToString(CultureInfo.InvariantCulture), a.Symbol, Markup.Escape(a.Strategy), $"{a.StartDate:yyyy-MM-dd} – {a.EndDate:yyyy-MM-dd}",
                    AnalysisCommand.Percent(a.TotalReturn), AnalysisCommand.Percent(-a.MaxDrawdown), a.SharpeRatio?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
                    a.TotalTrades.ToString(CultureInfo.InvariantCulture), a.WinRate is { } w ? (w * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "-");
            }
            context.Console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = AnalysisCommand.Id();
        var json = CommonOptions.Json();
        var command = new Command("show", "One equity strategy analysis with its BUY, SELL and HOLD signals") { id, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var (summary, signals) = await EquityAnalysisStore.GetAsync(session.Connection, parseResult.GetValue(id), cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new EquityAnalysisShowJson(summary, signals), CommandJson.Types.EquityAnalysisShowJson);
                return 0;
            }
            context.Console.MarkupLine($"[bold]{summary.Id}[/] {Markup.Escape(summary.Name)}: return {AnalysisCommand.Percent(summary.TotalReturn)}, {summary.TotalTrades} trade(s)");
            var table = new Table().AddColumns("Date", "Action", "Price", "Why");
            foreach (var s in signals)
            {
                table.AddRow(s.SignalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.SignalType, s.Price.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(s.Notes ?? ""));
            }
            context.Console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var id = AnalysisCommand.Id();
        var yes = CommonOptions.Yes();
        var command = new Command("delete", "Delete an equity strategy analysis (typed confirmation)") { id, yes };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var analysisId = parseResult.GetValue(id);
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var (summary, signals) = await EquityAnalysisStore.GetAsync(session.Connection, analysisId, cancellationToken);
            var expected = analysisId.ToString(CultureInfo.InvariantCulture);
            await Confirmation.RequireAsync(context, parseResult.GetValue(yes),
                $"This deletes equity analysis {expected} \"{summary.Name}\" and its {signals.Count} signal(s); running it again gives it back.", expected, cancellationToken);
            await EquityAnalysisStore.DeleteAsync(session.Connection, analysisId, cancellationToken);
            await context.Out.WriteLineAsync($"deleted equity analysis {expected}");
            return 0;
        });
        return command;
    }
}

/// <summary>An equity strategy analysis just run.</summary>
internal sealed record EquityAnalysisJson(
    int Id, string Symbol, string Strategy, string Name, DateOnly From, DateOnly To, double TotalReturn, double Volatility, double MaxDrawdown,
    double Sharpe, double Sortino, double? WinRate, double? ProfitFactor, int Trades, int Signals, string Assumptions);

/// <summary>An equity strategy analysis and its signals.</summary>
internal sealed record EquityAnalysisShowJson(EquityAnalysisSummary Analysis, IReadOnlyList<StoredStrategySignal> Signals);
