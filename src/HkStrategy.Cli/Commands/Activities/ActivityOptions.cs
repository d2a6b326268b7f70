using System.CommandLine;
using HkStrategy.Core.Input;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Symbols;
using HkStrategy.Operations.Ledger;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary>The values of an activity as <c>add</c> and <c>edit</c> take them, each parsed with one clear line on a bad one.</summary>
public sealed class ActivityOptions
{
    public Option<string?> Type { get; } = new("--type") { Description = "buy, sell, dividend, scrip-dividend, bonus, split, fee, deposit, withdrawal, transfer-in, transfer-out or opening" };

    public Option<string?> Date { get; } = new("--date") { Description = "The trade date (ex-date of a corporate action, payment date of a dividend), YYYY-MM-DD" };

    public Option<string?> Symbol { get; } = new("--symbol") { Description = "An HKEX symbol such as 0700.HK (700 works too)" };

    public Option<string?> Quantity { get; } = new("--quantity") { Description = "Shares" };

    public Option<string?> Price { get; } = new("--price") { Description = "Per share, in the activity's currency: the trade's price, a transfer's or opening's cost, a scrip's reference price" };

    public Option<string?> Amount { get; } = new("--amount") { Description = "Money, in the activity's currency: a dividend, a fee, a deposit or withdrawal" };

    public Option<string?> Currency { get; } = new("--currency") { Description = "HKD (default), CNY or USD, converted at the day's rate" };

    public Option<string?> FxRate { get; } = new("--fx-rate") { Description = "HK$ per unit of the currency (default: the day's close of CNYHKD=X or USDHKD=X)" };

    public Option<string?> Ratio { get; } = new("--ratio") { Description = "A split's N:M: every N shares become M (1:2 split, 10:1 consolidation)" };

    public Option<string?> Fees { get; } = new("--fees") { Description = "auto (a trade's default: Hong Kong's costs of the day) or the contract note's total, HK$" };

    public Option<string?> Note { get; } = new("--note") { Description = "A note, up to 500 characters" };

    public IEnumerable<Option> All => [Type, Date, Symbol, Quantity, Price, Amount, Currency, FxRate, Ratio, Fees, Note];

    public ActivityDraft Draft(ParseResult parseResult, string portfolioId) => new()
    {
        PortfolioId = portfolioId,
        Type = ActivityTypes.Parse(parseResult.GetValue(Type) ?? throw Required("--type")),
        TradeDate = InputValues.Date("--date", parseResult.GetValue(Date)) ?? throw Required("--date"),
        Symbol = parseResult.GetValue(Symbol) is { } symbol ? HkexSymbol.Normalize(symbol) : null,
        Quantity = InputValues.Quantity(parseResult.GetValue(Quantity)),
        Price = InputValues.Price("--price", parseResult.GetValue(Price)),
        Amount = InputValues.Money("--amount", parseResult.GetValue(Amount)),
        Currency = parseResult.GetValue(Currency) is { } currency ? Currencies.Parse(currency) : Currencies.Base,
        FxRate = InputValues.Rate("--fx-rate", parseResult.GetValue(FxRate)),
        Ratio = parseResult.GetValue(Ratio) is { } ratio ? SplitRatio.Parse("--ratio", ratio) : null,
        Fees = FeesOf(parseResult.GetValue(Fees)),
        Note = InputValues.Text("--note", parseResult.GetValue(Note), 500),
    };

    public ActivityEdit Edit(ParseResult parseResult)
    {
        if (parseResult.GetValue(Symbol) is not null)
        {
            throw HkStrategy.Core.Failures.HksException.Usage("SymbolNotEditable",
                "an activity keeps its symbol: remove it and add one of the other symbol");
        }
        return new ActivityEdit
        {
            Type = parseResult.GetValue(Type) is { } type ? ActivityTypes.Parse(type) : null,
            TradeDate = InputValues.Date("--date", parseResult.GetValue(Date)),
            Quantity = InputValues.Quantity(parseResult.GetValue(Quantity)),
            Price = InputValues.Price("--price", parseResult.GetValue(Price)),
            Amount = InputValues.Money("--amount", parseResult.GetValue(Amount)),
            Currency = parseResult.GetValue(Currency) is { } currency ? Currencies.Parse(currency) : null,
            FxRate = InputValues.Rate("--fx-rate", parseResult.GetValue(FxRate)),
            Ratio = parseResult.GetValue(Ratio) is { } ratio ? SplitRatio.Parse("--ratio", ratio) : null,
            Fees = FeesOf(parseResult.GetValue(Fees)),
            Note = InputValues.Text("--note", parseResult.GetValue(Note), 500),
        };
    }

    private static FeesChoice FeesOf(string? text) =>
        text is null ? FeesChoice.Default
        : text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase) ? FeesChoice.Computed
        : FeesChoice.Given(InputValues.Money("--fees", text)!.Value);

    private static HkStrategy.Core.Failures.HksException Required(string option) =>
        HkStrategy.Core.Failures.HksException.Usage("OptionRequired", $"{option} is required");
}
