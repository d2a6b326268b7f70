using HkStrategy.Core.Input;
using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Signals;
using HkStrategy.Data.Positions;

namespace HkStrategy.Cli.Commands.Position;

/// <summary>The options add and update share: the position's values, its rules and its symbol's events.</summary>
internal sealed class PositionOptions
{
    public Option<string?> Quantity { get; } = new("--quantity") { Description = "Number of shares (0 or more)" };
    public Option<string?> AverageCost { get; } = new("--avg-cost") { Description = "Average cost per share (up to three decimals)" };
    public Option<string?> Price { get; } = new("--price") { Description = "Current price per share (default on add: the average cost)" };
    public Option<string?> Company { get; } = new("--company") { Description = "Company name (known symbols fill it in)" };
    public Option<string?> Sector { get; } = new("--sector") { Description = "Sector (known symbols fill it in)" };
    public Option<string?> Target { get; } = new("--target") { Description = "Target sell price" };
    public Option<string?> Stop { get; } = new("--stop") { Description = "Stop-loss price" };
    public Option<string?> AddZone { get; } = new("--add-zone") { Description = "Price range to add in, LOW-HIGH (e.g. 300-320)" };
    public Option<string?> TrimMin { get; } = new("--trim-min") { Description = "No overbought-reversal sell (SOVB) below this price; the sell target when --target is not set" };
    public Option<string?> TacticalStop { get; } = new("--tactical-stop") { Description = "A nearer stop than --stop, reported when the close falls below it" };
    public Option<string[]> BuyOnly { get; } = new("--buy-only")
    {
        Description = "Gate buy signals: in-add-zone (reversal buys only inside the add zone), above-ema20 (buys only at or above EMA20), "
            + "near-ema-cluster (reversal buys only near EMA20/EMA50); repeatable, replaces the position's gates",
        AllowMultipleArgumentsPerToken = false,
    };
    public Option<string[]> Events { get; } = new("--event") { Description = "An event of the symbol, DATE:TEXT (vetoes buy signals just before it); repeatable", AllowMultipleArgumentsPerToken = false };

    public IEnumerable<Option> All => [Quantity, AverageCost, Price, Company, Sector, Target, Stop, AddZone, TrimMin, TacticalStop, BuyOnly, Events];

    public PositionChange Change(ParseResult parseResult) => new()
    {
        Quantity = InputValues.Quantity(parseResult.GetValue(Quantity)),
        AverageCost = InputValues.Price("--avg-cost", parseResult.GetValue(AverageCost)),
        CurrentPrice = InputValues.Price("--price", parseResult.GetValue(Price)),
        CompanyName = InputValues.Text("--company", parseResult.GetValue(Company), 200),
        Sector = InputValues.Text("--sector", parseResult.GetValue(Sector), 50),
    };

    public RuleChange Rules(ParseResult parseResult, IReadOnlySet<string>? clear = null)
    {
        var zone = InputValues.Range("--add-zone", parseResult.GetValue(AddZone));
        return new RuleChange
        {
            TargetSell = InputValues.Price("--target", parseResult.GetValue(Target)),
            StopLoss = InputValues.Price("--stop", parseResult.GetValue(Stop)),
            AddZoneLow = zone?.Low,
            AddZoneHigh = zone?.High,
            TrimMin = InputValues.Price("--trim-min", parseResult.GetValue(TrimMin)),
            TacticalStop = InputValues.Price("--tactical-stop", parseResult.GetValue(TacticalStop)),
            BuyOnly = parseResult.GetValue(BuyOnly) is { Length: > 0 } gates ? BuyGateNames.Parse("--buy-only", gates) : null,
            Clear = clear ?? new HashSet<string>(StringComparer.Ordinal),
        };
    }

    public IReadOnlyList<SymbolEvent> NewEvents(ParseResult parseResult) =>
        (parseResult.GetValue(Events) ?? []).Select(text =>
        {
            var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
            var day = InputValues.Date("--event", parts[0])!.Value;
            var description = parts.Length == 2 && parts[1].Length > 0 ? InputValues.Text("--event", parts[1], 200)! : "event";
            return new SymbolEvent(day, description);
        }).ToList();
}
