using System.Globalization;
using HkStrategy.Core.Input;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Core.Analysis;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Signals;

namespace HkStrategy.Data.Portfolios.Exchange;

/// <summary>A document to import is held to the same rules as typed input, before anything is written.</summary>
public static class PortfolioDocumentRules
{
    /// <summary>The document with its symbols written as HKEX codes (<c>700.hk</c> becomes <c>0700.HK</c>).</summary>
    public static PortfolioDocument Normalize(PortfolioDocument read) => read with
    {
        Positions = read.Positions.Select(p => p with { Symbol = HkexSymbol.Normalize(p.Symbol) }).ToList(),
        Events = read.Events.Select(e => e with { Symbol = HkexSymbol.Normalize(e.Symbol) }).ToList(),
        // An activity's symbol that is not an HKEX code is left as it is: reading the activity refuses it with its place.
        Activities = read.Activities.Select(a => a.Symbol is { } symbol && HkexSymbol.TryNormalize(symbol, out var code) ? a with { Symbol = code } : a).ToList(),
        Broker = read.HasLedger ? read.Broker : null, // an earlier document has no broker profile: a "broker" written into one by hand is not read
    };

    public static void Require(PortfolioDocument document)
    {
        PortfolioText.Name(document.Portfolio.Name ?? throw Bad("the portfolio has no name"));
        PortfolioText.Description(document.Portfolio.Description);
        if (document.Positions.GroupBy(p => p.Symbol, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Bad($"{twice.Key} is listed {twice.Count()} times; list each symbol once");
        }
        if (!document.HasOverlays && document.Positions.FirstOrDefault(p => p.TrimMin is not null || p.TacticalStop is not null || p.BuyOnly.Count > 0) is { } early)
        {
            throw Bad($"{early.Symbol} has overlays (trimMin, tacticalStop, buyOnly), which a version {document.Version} document cannot hold: give \"version\": {PortfolioDocument.CurrentVersion}");
        }
        foreach (var p in document.Positions)
        {
            if (p.Quantity < 0)
            {
                throw Bad($"{p.Symbol} has a negative quantity ({p.Quantity})");
            }
            foreach (var (what, price) in new[] { ("average cost", (decimal?)p.AverageCost), ("price", p.CurrentPrice), ("target sell", p.TargetSell), ("stop", p.StopLoss), ("add zone", p.AddZoneLow), ("add zone", p.AddZoneHigh),
                         ("trim minimum", p.TrimMin), ("tactical stop", p.TacticalStop) })
            {
                InputValues.Price($"{p.Symbol}'s {what}", price?.ToString(CultureInfo.InvariantCulture));
            }
            if (p.AddZoneLow > p.AddZoneHigh)
            {
                throw Bad($"{p.Symbol}'s add zone runs from high to low");
            }
            if ((p.AddZoneLow is null) != (p.AddZoneHigh is null))
            {
                throw Bad($"{p.Symbol}'s add zone needs both its low and its high");
            }
            BuyGates gates;
            try
            {
                gates = BuyGateNames.Parse($"{p.Symbol}'s buyOnly", p.BuyOnly);
            }
            catch (HksException unknown)
            {
                throw Bad(unknown.Message);
            }
            if (gates.HasFlag(BuyGates.InAddZone) && p.AddZoneLow is null)
            {
                throw Bad($"{p.Symbol} buys only {BuyGateNames.InAddZone} but has no add zone");
            }
            if (p.BuyOnly.Count != BuyGateNames.Names(gates).Length)
            {
                throw Bad($"{p.Symbol} lists a buyOnly gate twice");
            }
            InputValues.Text($"{p.Symbol}'s company name", p.CompanyName, 200);
            InputValues.Text($"{p.Symbol}'s sector", p.Sector, 50);
        }
        foreach (var e in document.Events)
        {
            InputValues.Text($"the event of {e.Symbol} on {e.Date:yyyy-MM-dd}", e.Description, 200);
        }
        foreach (var a in document.Analyses)
        {
            InputValues.Text("an analysis's name", a.Name, 200);
            AnalysisPeriod.Require(a.StartDate, a.EndDate, ValueAnalysis.MaxMonths);
        }
    }

    private static HksException Bad(string problem) => HksException.Usage("InvalidDocument", $"the document cannot be imported: {problem}");
}
