using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Analysis;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Input;
using HkStrategy.Core.Signals;
using HkStrategy.Core.Symbols;
using HkStrategy.Operations.Analysis;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis equity run</c>: a catalog strategy backtested on one symbol, stored as an analysis.</summary>
public sealed class EquityRunCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string> _symbol = new Option<string>("--symbol") { Description = "An HKEX symbol such as 0700.HK", Required = true };
    private readonly Option<string> _strategy = new Option<string>("--strategy") { Description = "A catalog strategy: BBRK, BRSV, SBRK, SOVB or HMOM (or its full code, BBRK9)", Required = true };
    private readonly Option<string> _from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD)", Required = true };
    private readonly Option<string> _to = new Option<string>("--to") { Description = "Last day (at most two years after --from)", Required = true };
    private readonly Option<double> _fee = new Option<double>("--fee-bps") { Description = "Fees per side in basis points (default 0)", DefaultValueFactory = _ => 0 };
    private readonly Option<string?> _name = new Option<string?>("--name") { Description = "A name for the analysis" };
    private readonly Option<string?> _target = new Option<string?>("--target") { Description = "Target sell price (the overbought reversal, SOVB, needs one)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("run", "Backtest a catalog strategy on one symbol and store the analysis") { _symbol, _strategy, _from, _to, _fee, _name, _target, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var code = HkexSymbol.Normalize(parseResult.GetValue(_symbol));
        var text = (parseResult.GetValue(_strategy) ?? "").Trim().ToUpperInvariant();
        var chosen = StrategyCatalog.Find(text.Length == 5 ? text[..4] : text)
            ?? throw HksException.Usage("UnknownStrategy", $"'{text}' is not in the catalog: {string.Join(", ", StrategyCatalog.All.Select(s => $"{s.Code.CatalogKey} ({s.Name})"))}");
        var fees = parseResult.GetValue(_fee) is var f and >= 0 and <= 500 ? f : throw HksException.Usage("InvalidFee", "--fee-bps is 0 to 500");
        var first = InputValues.Date("--from", parseResult.GetValue(_from))!.Value;
        var last = InputValues.Date("--to", parseResult.GetValue(_to))!.Value;
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var run = await new EquityAnalysisRunner(TradingCalendar.Hkex).RunAsync(session.Connection, code, chosen, first, last, fees,
            InputValues.Text("--name", parseResult.GetValue(_name), 200), InputValues.Price("--target", parseResult.GetValue(_target)), cancellationToken);
        var r = run.Result;
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new EquityAnalysisJson(
                run.Id, run.Symbol, run.Strategy.Code.ToString(), run.Name, run.From, run.To, r.TotalReturn, r.Volatility, r.MaxDrawdown,
                r.Sharpe, r.Sortino, r.WinRate, r.ProfitFactor, r.Trades.Count, r.Signals.Count, BacktestResult.Assumptions),
                CommandJson.Types.EquityAnalysisJson);
            return 0;
        }
        await Context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"equity analysis {run.Id} \"{run.Name}\": return {r.TotalReturn:+0.00%;-0.00%}, volatility {r.Volatility:0.00%}, max drawdown {r.MaxDrawdown:0.00%}, "
            + $"Sharpe {r.Sharpe:0.00}, Sortino {r.Sortino:0.00}, {r.Trades.Count} trade(s), win rate {(r.WinRate is { } w ? w.ToString("0%", CultureInfo.InvariantCulture) : "-")}, "
            + $"profit factor {(r.ProfitFactor is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : "-")}"));
        await Context.Out.WriteLineAsync($"assumptions: {BacktestResult.Assumptions}");
        return 0;
    }
}

/// <summary>An equity strategy analysis just run.</summary>
internal sealed record EquityAnalysisJson(
    int Id, string Symbol, string Strategy, string Name, DateOnly From, DateOnly To, double TotalReturn, double Volatility, double MaxDrawdown,
    double Sharpe, double Sortino, double? WinRate, double? ProfitFactor, int Trades, int Signals, string Assumptions);
