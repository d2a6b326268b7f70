using HkStrategy.Core.Input;
using HkStrategy.Core.Signals;
using HkStrategy.Data.Positions;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HkStrategy.Web.Portfolios;

/// <summary>A position as typed into the add form or an edited row: text, checked by the command line's rules.</summary>
public sealed class PositionForm
{
    public string? Symbol { get; set; }

    public string? Quantity { get; set; }

    public string? AverageCost { get; set; }

    public string? CurrentPrice { get; set; }

    public string? Sector { get; set; }

    public string? TargetSell { get; set; }

    public string? StopLoss { get; set; }

    public string? AddZoneLow { get; set; }

    public string? AddZoneHigh { get; set; }

    public string? TrimMin { get; set; }

    public string? TacticalStop { get; set; }

    /// <summary>The buy gates ticked (their names); none ticked removes every gate.</summary>
    public List<string> BuyOnly { get; set; } = [];

    public long? Version { get; set; }

    public static PositionForm From(Position p) => new()
    {
        Symbol = p.Symbol,
        Quantity = p.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AverageCost = Format.Invariant(p.AverageCost),
        CurrentPrice = Format.Invariant(p.CurrentPrice),
        Sector = p.Sector,
        TargetSell = p.TargetSell is { } t ? Format.Invariant(t) : null,
        StopLoss = p.StopLoss is { } s ? Format.Invariant(s) : null,
        AddZoneLow = p.AddZoneLow is { } l ? Format.Invariant(l) : null,
        AddZoneHigh = p.AddZoneHigh is { } h ? Format.Invariant(h) : null,
        TrimMin = p.TrimMin is { } m ? Format.Invariant(m) : null,
        TacticalStop = p.TacticalStop is { } ts ? Format.Invariant(ts) : null,
        BuyOnly = [.. p.BuyOnly],
        Version = p.Version,
    };

    /// <summary>The position's own values; empty fields leave a value as it is.</summary>
    public PositionChange Change(ModelStateDictionary state, string prefix) => new()
    {
        Quantity = state.Check($"{prefix}.Quantity", () => InputValues.Quantity(Blank(Quantity))),
        AverageCost = state.Check($"{prefix}.AverageCost", () => InputValues.Price("average cost", Blank(AverageCost))),
        CurrentPrice = state.Check($"{prefix}.CurrentPrice", () => InputValues.Price("price", Blank(CurrentPrice))),
        Sector = state.Check($"{prefix}.Sector", () => InputValues.Text("sector", Blank(Sector), 50)),
        ExpectedVersion = Version,
    };

    /// <summary>The rules; an emptied field clears its rule.</summary>
    public RuleChange Rules(ModelStateDictionary state, string prefix)
    {
        var low = state.Check($"{prefix}.AddZoneLow", () => InputValues.Price("add zone low", Blank(AddZoneLow)));
        var high = state.Check($"{prefix}.AddZoneHigh", () => InputValues.Price("add zone high", Blank(AddZoneHigh)));
        if ((low is null) != (high is null))
        {
            state.AddModelError($"{prefix}.AddZoneHigh", "an add zone needs both its low and its high");
        }
        else if (low > high)
        {
            state.AddModelError($"{prefix}.AddZoneHigh", "the add zone runs from high to low: give the low first");
        }
        var clear = new HashSet<string>(StringComparer.Ordinal);
        if (Blank(TargetSell) is null)
        {
            clear.Add("target");
        }
        if (Blank(StopLoss) is null)
        {
            clear.Add("stop");
        }
        if (low is null)
        {
            clear.Add("add-zone");
        }
        if (Blank(TrimMin) is null)
        {
            clear.Add("trim-min");
        }
        if (Blank(TacticalStop) is null)
        {
            clear.Add("tactical-stop");
        }
        var gates = state.Check($"{prefix}.BuyOnly", () => BuyGateNames.Parse("buy only", BuyOnly));
        if (gates.HasFlag(BuyGates.InAddZone) && low is null)
        {
            state.AddModelError($"{prefix}.BuyOnly", "buying only inside the add zone needs an add zone");
        }
        return new RuleChange
        {
            TargetSell = state.Check($"{prefix}.TargetSell", () => InputValues.Price("target sell", Blank(TargetSell))),
            StopLoss = state.Check($"{prefix}.StopLoss", () => InputValues.Price("stop loss", Blank(StopLoss))),
            AddZoneLow = low,
            AddZoneHigh = high,
            TrimMin = state.Check($"{prefix}.TrimMin", () => InputValues.Price("trim minimum", Blank(TrimMin))),
            TacticalStop = state.Check($"{prefix}.TacticalStop", () => InputValues.Price("tactical stop", Blank(TacticalStop))),
            BuyOnly = gates,
            Clear = clear,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
