using HkStrategy.Core.Input;
using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Signals;
using HkStrategy.Core.Symbols;
using HkStrategy.Operations.Signals;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Signals;

/// <summary><c>hks signals generate [--portfolio ID | --symbols S,…] [--date D]</c>: one run, stored with its parameter set.</summary>
public sealed class SignalsGenerateCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string?> _portfolio = new Option<string?>("--portfolio") { Description = "Every position of this portfolio (uses their target sell prices)" };
    private readonly Option<string?> _symbols = new Option<string?>("--symbols") { Description = "Comma-separated symbols (without a portfolio: no target sell prices)" };
    private readonly Option<string?> _date = new Option<string?>("--date") { Description = "The trading day (default: each symbol's newest bar)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("generate", "Generate TXYZN signals from the daily bars") { _portfolio, _symbols, _date, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = parseResult.GetValue(_portfolio) is { } p ? PortfolioId.Require(p) : null;
        var codes = (parseResult.GetValue(_symbols) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(HkexSymbol.Normalize).ToList();
        if (portfolioId is null && codes.Count == 0)
        {
            throw HksException.Usage("NothingToSignal", "say what to generate signals for: --portfolio ID or --symbols 0700.HK,0005.HK");
        }
        var request = new SignalRequest(portfolioId, codes, InputValues.Date("--date", parseResult.GetValue(_date)), SignalParameters.Default);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var version = typeof(SignalsGenerateCommand).Assembly.GetName().Version?.ToString() ?? "unknown";
        var (runId, outcomes) = await new SignalGeneration(TradingCalendar.Hkex, Context.Clock, $"hks {version}").RunAsync(session.Connection, request, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new GeneratedSignalsJson(
                runId,
                [.. outcomes.Where(o => o.Decision is not null).Select(o => new GeneratedSignalJson(
                    o.Symbol, o.Decision!.TradeDate, o.Decision.Code.ToString(), o.Decision.Strategy.Name, o.Decision.Close,
                    o.Decision.Evidence.Reasons(o.Decision.Code.ToString())))],
                [.. outcomes.Where(o => o.Skipped is not null).Select(o => new SkippedSymbolJson(o.Symbol, o.Skipped))]),
                CommandJson.Types.GeneratedSignalsJson);
            return 0;
        }
        var table = new Table().AddColumns("Symbol", "Date", "Signal", "Strategy", "Close", "Why");
        foreach (var o in outcomes)
        {
            table.AddRow(o.Symbol, o.Decision?.TradeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                o.Decision is { } d ? Colour(d.Code) : "[grey]none[/]", Markup.Escape(o.Decision?.Strategy.Name ?? ""),
                o.Decision?.Close.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(o.Decision is { } dd ? string.Join("; ", dd.Evidence.Reasons(dd.Code.ToString())) : o.Skipped!));
        }
        Context.Console.Write(table);
        await Context.Out.WriteLineAsync($"run {runId}: {outcomes.Count(o => o.Decision is not null)} signal(s), {outcomes.Count(o => o.Skipped is not null)} symbol(s) skipped");
        return 0;
    }

    internal static string Colour(SignalCode code) => code.Side switch
    {
        'B' => $"[green]{code}[/]",
        'S' => $"[red]{code}[/]",
        _ => code.ToString(),
    };
}

/// <summary>A signal run: its id, the signal of each symbol, the symbols skipped and why.</summary>
internal sealed record GeneratedSignalsJson(int RunId, IReadOnlyList<GeneratedSignalJson> Signals, IReadOnlyList<SkippedSymbolJson> Skipped);

internal sealed record GeneratedSignalJson(string Symbol, DateOnly Date, string Code, string Strategy, double Close, IReadOnlyList<string> Reasons);

internal sealed record SkippedSymbolJson(string Symbol, string? Reason);
