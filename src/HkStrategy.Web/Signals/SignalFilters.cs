using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Input;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Signals;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HkStrategy.Web.Signals;

/// <summary>The signal filters as typed on the page or in the API's query string.</summary>
public sealed record SignalFilterText(string? Portfolio, string? Symbol, string? Side, string? MinStrength, string? From, string? To);

/// <summary>
/// Turns typed signal filters into a <see cref="SignalFilter"/> by the command line's rules (portfolio id, HKEX symbol,
/// YYYY-MM-DD), one message per field; the page and <c>/api/signals</c> share it so they refuse the same input.
/// </summary>
public static class SignalFilters
{
    public const int PageLimit = 200;

    public const int MaxLimit = 1000;

    /// <summary>Null when a field is invalid; its message is then in <paramref name="state"/> under the field's name.</summary>
    public static SignalFilter? Read(ModelStateDictionary state, SignalFilterText text, int limit)
    {
        var portfolio = Blank(text.Portfolio) ? null : state.Check(nameof(text.Portfolio), () => PortfolioId.Require(text.Portfolio!.Trim()));
        var symbol = Blank(text.Symbol) ? null : state.Check(nameof(text.Symbol), () => HkexSymbol.Normalize(text.Symbol));
        var side = Blank(text.Side) ? null : state.Check<char?>(nameof(text.Side), () => Side(text.Side!));
        var strength = Blank(text.MinStrength) ? null : state.Check<int?>(nameof(text.MinStrength), () => Strength(text.MinStrength!));
        var from = Blank(text.From) ? null : state.Check(nameof(text.From), () => InputValues.Date("from", text.From!.Trim()));
        var to = Blank(text.To) ? null : state.Check(nameof(text.To), () => InputValues.Date("to", text.To!.Trim()));
        if (from is { } first && to is { } last && last < first)
        {
            state.AddModelError(nameof(text.To), $"to ({Format.Day(last)}) is before from ({Format.Day(first)})");
        }
        return state.IsValid ? new SignalFilter(portfolio, symbol, side, strength, from, limit, to) : null;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static char Side(string text) => text.Trim().ToUpperInvariant() switch
    {
        "B" or "BUY" => 'B',
        "S" or "SELL" => 'S',
        "H" or "HOLD" => 'H',
        _ => throw HksException.Usage("InvalidSide", $"side is B (buy), S (sell) or H (hold), not '{text}'"),
    };

    private static int Strength(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var strength) && strength is >= 1 and <= 9
            ? strength
            : throw HksException.Usage("InvalidStrength", $"minimum strength is a whole number from 1 to 9, not '{text}'");
}
