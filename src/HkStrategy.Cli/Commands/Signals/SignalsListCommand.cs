using HkStrategy.Core.Input;
using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Signals;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Signals;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Signals;

/// <summary>
/// <c>hks signals list [--portfolio ID] [--symbol S] [--side B|S|H] [--min-strength N] [--since D]</c>: newest first,
/// the prototype's A–D signals shown with their TXYZN equivalents.
/// </summary>
public sealed class SignalsListCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string?> _portfolio = new Option<string?>("--portfolio") { Description = "Only this portfolio's signals" };
    private readonly Option<string?> _symbol = new Option<string?>("--symbol") { Description = "Only this symbol's signals" };
    private readonly Option<string?> _side = new Option<string?>("--side") { Description = "B (buy), S (sell) or H (hold)" };
    private readonly Option<int?> _strength = new Option<int?>("--min-strength") { Description = "Only signals of at least this strength (1–9)" };
    private readonly Option<string?> _since = new Option<string?>("--since") { Description = "Only signals on or after this day (YYYY-MM-DD)" };
    private readonly Option<int> _limit = new Option<int>("--limit") { Description = "At most this many (newest first)", DefaultValueFactory = _ => 200 };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("list", "List signals, newest first") { _portfolio, _symbol, _side, _strength, _since, _limit, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var filter = new SignalFilter(
            parseResult.GetValue(_portfolio) is { } p ? PortfolioId.Require(p) : null,
            parseResult.GetValue(_symbol) is { } s ? HkexSymbol.Normalize(s) : null,
            parseResult.GetValue(_side) is { } t ? Side(t) : null,
            parseResult.GetValue(_strength) is { } n and (< 1 or > 9) ? throw HksException.Usage("InvalidStrength", "--min-strength is 1 to 9") : parseResult.GetValue(_strength),
            InputValues.Date("--since", parseResult.GetValue(_since)),
            Math.Clamp(parseResult.GetValue(_limit), 1, 10_000));
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var signals = await SignalStore.ListAsync(session.Connection, filter, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, [.. signals.Select(x => new ListedSignalJson(
                x.Id, x.PortfolioId, x.Symbol, x.TradeDate, x.Code, x.StrategyName, x.Strength, x.Close, x.RunId, x.LegacyType,
                x.Evidence is null ? null : System.Text.Json.JsonDocument.Parse(x.Evidence).RootElement.Clone()))],
                CommandJson.Types.IReadOnlyListListedSignalJson);
            return 0;
        }
        var table = new Table().AddColumns("Date", "Portfolio", "Symbol", "Signal", "Strategy", "Close", "Source");
        foreach (var x in signals)
        {
            table.AddRow(x.TradeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(x.PortfolioId ?? "-"), x.Symbol,
                SignalsGenerateCommand.Colour(SignalCode.Parse(x.Code)), Markup.Escape(x.StrategyName), x.Close.ToString("0.000", CultureInfo.InvariantCulture),
                x.LegacyType is { } legacy ? $"prototype ({legacy})" : $"run {x.RunId}");
        }
        Context.Console.Write(table);
        return 0;
    }

    private static char Side(string text) => text.ToUpperInvariant() switch
    {
        "B" or "BUY" => 'B',
        "S" or "SELL" => 'S',
        "H" or "HOLD" => 'H',
        _ => throw HksException.Usage("InvalidSide", $"--side is B, S or H, not '{text}'"),
    };
}

/// <summary>A stored signal with its evidence as stored.</summary>
internal sealed record ListedSignalJson(
    long Id, string? PortfolioId, string Symbol, DateOnly Date, string Code, string Strategy, int Strength, decimal Close, int? RunId, string? LegacyType,
    System.Text.Json.JsonElement? Evidence);
