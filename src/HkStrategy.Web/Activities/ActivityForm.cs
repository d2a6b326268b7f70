using HkStrategy.Core.Input;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Symbols;
using HkStrategy.Operations.Ledger;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HkStrategy.Web.Activities;

/// <summary>
/// An activity as typed into the add form or an edited row: text, checked by the command line's rules, each refusal
/// beside its field. Fees: empty or "auto" lets hks work them out (a trade's Hong Kong costs; an edit keeps costs
/// given from a contract note), an amount is the contract note's total.
/// </summary>
public sealed class ActivityForm
{
    /// <summary>The types a user records (an adjustment is hks's own record of a position written directly).</summary>
    public static IReadOnlyList<string> Types { get; } = [.. ActivityTypes.All.Where(t => t != ActivityType.Adjustment.Name())];

    public string? Type { get; set; }

    public string? Date { get; set; }

    public string? Symbol { get; set; }

    public string? Quantity { get; set; }

    public string? Price { get; set; }

    public string? Amount { get; set; }

    public string? Currency { get; set; }

    public string? FxRate { get; set; }

    public string? Ratio { get; set; }

    public string? Fees { get; set; }

    public string? Note { get; set; }

    /// <summary>An edited row's form, holding the activity's values (a trade's amount and an exchange rate are worked out again, so left empty).</summary>
    public static ActivityForm From(Activity a) => new()
    {
        Type = a.Type.Name(),
        Date = Format.Day(a.TradeDate),
        Symbol = a.Symbol,
        Quantity = a.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Price = a.Price is { } p ? Format.Invariant(p) : null,
        Amount = a.Type.IsTrade() ? null : a.Amount is { } amount ? Format.Invariant(amount) : null,
        Currency = a.Currency,
        Ratio = a.Ratio?.ToString(),
        Note = a.Note,
    };

    public ActivityDraft? Draft(ModelStateDictionary state, string prefix, string portfolioId)
    {
        var type = state.Check($"{prefix}.Type", () => ActivityTypes.Parse(Blank(Type) ?? throw Required("type")));
        var date = state.Check($"{prefix}.Date", () => InputValues.Date("date", Blank(Date)) ?? throw Required("date"));
        var symbol = state.Check($"{prefix}.Symbol", () => Blank(Symbol) is { } s ? HkexSymbol.Normalize(s) : null);
        var values = Values(state, prefix);
        return state.IsValid ? new ActivityDraft
        {
            PortfolioId = portfolioId, Type = type, TradeDate = date, Symbol = symbol, Quantity = values.Quantity, Price = values.Price,
            Amount = values.Amount, Currency = values.Currency ?? Currencies.Base, FxRate = values.FxRate, Ratio = values.Ratio, Fees = values.Fees,
            Note = values.Note,
        } : null;
    }

    /// <summary>What the edited row changes: every value typed (an empty field leaves its value as it is).</summary>
    public ActivityEdit? Edit(ModelStateDictionary state, string prefix)
    {
        var type = state.Check($"{prefix}.Type", () => Blank(Type) is { } t ? ActivityTypes.Parse(t) : (ActivityType?)null);
        var date = state.Check($"{prefix}.Date", () => InputValues.Date("date", Blank(Date)));
        var values = Values(state, prefix);
        return state.IsValid ? new ActivityEdit
        {
            Type = type, TradeDate = date, Quantity = values.Quantity, Price = values.Price, Amount = values.Amount, Currency = values.Currency,
            FxRate = values.FxRate, Ratio = values.Ratio, Fees = values.Fees, Note = values.Note,
        } : null;
    }

    /// <summary>The form field a refusal of the ledger's rules belongs beside, by the refusal's name.</summary>
    public static string FieldOf(string refusal, string prefix) => prefix + "." + refusal switch
    {
        "QuantityRequired" or "SellsMoreThanHeld" => nameof(Quantity),
        "PriceRequired" or "PriceNotUsed" => nameof(Price),
        "AmountRequired" or "AmountOnly" or "AmountDisagrees" => nameof(Amount),
        "RatioRequired" or "RatioNotUsed" or "SplitTakesRatio" => nameof(Ratio),
        "SymbolRequired" or "InvalidSymbol" => nameof(Symbol),
        "FeesNotUsed" => nameof(Fees),
        "FxRateNotUsed" or "FxRateMissing" => nameof(FxRate),
        _ => nameof(Type),
    };

    private FormValues Values(ModelStateDictionary state, string prefix) => new(
        state.Check($"{prefix}.Quantity", () => InputValues.Quantity(Blank(Quantity))),
        state.Check($"{prefix}.Price", () => InputValues.Price("price", Blank(Price))),
        state.Check($"{prefix}.Amount", () => InputValues.Money("amount", Blank(Amount))),
        state.Check($"{prefix}.Currency", () => Blank(Currency) is { } c ? Currencies.Parse(c) : null),
        state.Check($"{prefix}.FxRate", () => InputValues.Rate("exchange rate", Blank(FxRate))),
        state.Check($"{prefix}.Ratio", () => Blank(Ratio) is { } r ? SplitRatio.Parse("ratio", r) : null),
        state.Check($"{prefix}.Fees", () => FeesOf(Blank(Fees))) ?? FeesChoice.Default,
        state.Check($"{prefix}.Note", () => InputValues.Text("note", Blank(Note), 500)));

    private static FeesChoice FeesOf(string? text) =>
        text is null ? FeesChoice.Default
        : text.Equals("auto", StringComparison.OrdinalIgnoreCase) ? FeesChoice.Computed
        : FeesChoice.Given(InputValues.Money("fees", text)!.Value);

    private static HkStrategy.Core.Failures.HksException Required(string field) =>
        HkStrategy.Core.Failures.HksException.Usage("FieldRequired", $"the {field} is required");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record FormValues(int? Quantity, decimal? Price, decimal? Amount, string? Currency, decimal? FxRate, SplitRatio? Ratio, FeesChoice Fees, string? Note);
}
