using HkStrategy.Core.Input;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Symbols;
using HkStrategy.Operations.Ledger;

namespace HkStrategy.Web.Activities;

/// <summary>Which activities a list shows, as the page's form and the API's address give it: text, parsed by the command line's rules.</summary>
public sealed record LedgerFilter(string? Symbol, string? Type, string? From, string? To)
{
    public string? ParsedSymbol() => Blank(Symbol) is { } s ? HkexSymbol.Normalize(s) : null;

    public ActivityType? ParsedType() => Blank(Type) is { } t ? ActivityTypes.Parse(t, adjustment: true) : null;

    public DateOnly? ParsedFrom() => InputValues.Date("from", Blank(From));

    public DateOnly? ParsedTo() => InputValues.Date("to", Blank(To));

    /// <summary>The listed activities the filter lets through, newest first (the ledger's order reversed).</summary>
    public static IReadOnlyList<ListedActivity> NewestFirst(IReadOnlyList<ListedActivity> all, ActivityType? type, DateOnly? from, DateOnly? to)
    {
        var shown = new List<ListedActivity>();
        for (var i = all.Count - 1; i >= 0; i--)
        {
            var a = all[i].Activity;
            if ((type is null || a.Type == type) && (from is null || a.TradeDate >= from) && (to is null || a.TradeDate <= to))
            {
                shown.Add(all[i]);
            }
        }
        return shown;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
