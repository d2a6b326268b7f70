using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Input;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Operations.Brokers;
using Spectre.Console;

namespace HkStrategy.Cli.Commands.Fees;

/// <summary>
/// <c>hks fees quote --side buy|sell --amount CONSIDERATION [--date D] [--symbol S]</c>: one side's costs of a trade on the day, each
/// as a contract note shows it, with the day it settles (T+2).
/// </summary>
public sealed class FeesQuoteCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<string> _side = new Option<string>("--side") { Description = "buy or sell", Required = true };
    private readonly Option<string> _amount = new Option<string>("--amount") { Description = "The consideration: quantity × price, in HK$ (100,000 or 12345.5)", Required = true };
    private readonly Option<string?> _date = new Option<string?>("--date") { Description = "The trade date (YYYY-MM-DD; default: today in Hong Kong)" };
    private readonly Option<string?> _rate = new Option<string?>("--commission-rate") { Description = "The broker's rate, with its percent sign (0.03%)" };
    private readonly Option<string?> _minimum = new Option<string?>("--commission-minimum") { Description = "The broker's minimum commission per trade, HK$" };
    private readonly Option<string?> _platform = new Option<string?>("--platform-fee") { Description = "The broker's platform fee per trade, HK$" };
    private readonly Option<string?> _portfolio = new Option<string?>("--portfolio") { Description = "Charge the commission of this portfolio's broker profile" };
    private readonly Option<string?> _symbol = new Option<string?>("--symbol") { Description = "The counter traded (an ETF's units pay no stamp duty; default: a share)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("quote", "One side's costs of a trade: stamp duty, SFC and AFRC levies, trading fee, settlement fee, commission")
        {
            _side, _amount, _date, _symbol, _rate, _minimum, _platform, _portfolio, _json,
        };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var tradeSide = Side(parseResult.GetValue(_side));
        var consideration = InputValues.Amount("--amount", parseResult.GetValue(_amount))!.Value;
        var day = InputValues.Date("--date", parseResult.GetValue(_date))
            ?? DateOnly.FromDateTime(MarketClock.HongKongTime(Context.Clock.GetUtcNow()));
        var symbol = parseResult.GetValue(_symbol) is { } given ? HkexSymbol.Normalize(given) : null;
        var broker = BrokerProfile.Checked(
            InputValues.Percent("--commission-rate", parseResult.GetValue(_rate)) ?? 0m,
            InputValues.Amount("--commission-minimum", parseResult.GetValue(_minimum)) ?? 0m,
            InputValues.Amount("--platform-fee", parseResult.GetValue(_platform)) ?? 0m);
        if (parseResult.GetValue(_portfolio) is { } portfolio)
        {
            if (!broker.IsNone)
            {
                throw HksException.Usage("BrokerGivenTwice", "--portfolio charges its broker profile: give it or the commission options, not both");
            }
            var portfolioId = PortfolioId.Require(portfolio);
            await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
            broker = (await BrokerProfileChanges.ShowAsync(session.Connection, portfolioId, cancellationToken))?.Profile ?? BrokerProfile.None;
        }
        var costs = CostSchedule.HongKong.Quote(tradeSide, consideration, day, broker, symbol);
        DateOnly? settles = TradingCalendar.Hkex.IsTradingDay(day) ? TradingCalendar.Hkex.SettlementDay(day) : null;
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new FeeQuoteJson(tradeSide.ToString().ToLowerInvariant(), consideration, day, settles, costs),
                CommandJson.Types.FeeQuoteJson);
            return 0;
        }
        var table = new Table().AddColumn("").AddColumn(NumberColumn.Of("HK$"));
        table.AddRow("Stamp duty", Money.Amount(costs.StampDuty));
        table.AddRow("SFC transaction levy", Money.Amount(costs.SfcLevy));
        table.AddRow("AFRC transaction levy", Money.Amount(costs.AfrcLevy));
        table.AddRow("HKEX trading fee", Money.Amount(costs.TradingFee));
        table.AddRow("CCASS settlement fee", Money.Amount(costs.SettlementFee));
        table.AddRow("Commission", Money.Amount(costs.Commission));
        table.AddRow("[bold]Total[/]", $"[bold]{Money.Amount(costs.Total)}[/]");
        Context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{tradeSide.ToString().ToLowerInvariant()} of HK${Money.Amount(consideration)}{(symbol is null ? "" : " of " + symbol)} on {day:yyyy-MM-dd}")
            + (settles is { } s ? string.Create(CultureInfo.InvariantCulture, $", settling {s:yyyy-MM-dd}") : ": not a trading day")));
        Context.Console.Write(table);
        return 0;
    }

    private static TradeSide Side(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "buy" => TradeSide.Buy,
        "sell" => TradeSide.Sell,
        _ => throw HksException.Usage("InvalidSide", $"--side '{HkStrategy.Core.Text.TextRules.Escape(text ?? "")}' is not a side of a trade: buy or sell"),
    };
}

/// <summary>A fee quote: the side, the consideration, the trade and settlement dates, and the costs.</summary>
internal sealed record FeeQuoteJson(string Side, decimal Amount, DateOnly Date, DateOnly? SettlementDate, TradeCosts Fees);
