using HkStrategy.Core.Input;
using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Prices;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Indicators;

/// <summary>
/// <c>hks indicators SYMBOL [--from D] [--to D]</c>: every indicator per trading day, computed over the symbol's whole
/// history (so the first days of the range are not cut short), null where undefined.
/// </summary>
public sealed class IndicatorsCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _symbol = new Argument<string>("symbol") { Description = "An HKEX symbol such as 0700.HK" };
    private readonly Option<string?> _from = new Option<string?>("--from") { Description = "First day shown (YYYY-MM-DD)" };
    private readonly Option<string?> _to = new Option<string?>("--to") { Description = "Last day shown (YYYY-MM-DD)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("indicators", "Technical indicators of a symbol per trading day") { _symbol, _from, _to, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var code = HkexSymbol.Normalize(parseResult.GetValue(_symbol));
        var first = InputValues.Date("--from", parseResult.GetValue(_from));
        var last = InputValues.Date("--to", parseResult.GetValue(_to));
        if (first > last)
        {
            throw HksException.Usage("InvalidRange", "--from is after --to");
        }
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var bars = await BarReader.ReadAsync(session.Connection, code, last, cancellationToken);
        if (bars.Count == 0)
        {
            throw HksException.Usage("NoPrices", $"there are no daily bars of {code}: import them with 'hks prices import'");
        }
        var series = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        var rows = Enumerable.Range(0, bars.Count).Where(i => first is null || bars.Dates[i] >= first)
            .Select(i => IndicatorRow.At(bars, series, i)).ToList();
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, rows, CommandJson.Types.ListIndicatorRow);
            return 0;
        }
        var table = new Table().AddColumns("Date", "Close", "EMA5", "EMA20", "EMA50", "RSI14", "MACD", "Signal", "Hist", "ATR14", "BB upper", "BB lower", "Vol avg20", "High20", "Low20");
        foreach (var r in rows)
        {
            table.AddRow(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), F(r.Close), F(r.Ema5), F(r.Ema20), F(r.Ema50), F(r.Rsi14, "0.0"),
                F(r.Macd), F(r.MacdSignal), F(r.MacdHist), F(r.Atr14), F(r.BbUpper), F(r.BbLower), F(r.VolAvg20, "N0"), F(r.High20), F(r.Low20));
        }
        Context.Console.Write(table);
        return 0;
    }

    private static string F(double? value, string format = "0.000") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
