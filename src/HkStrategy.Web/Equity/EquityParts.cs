using HkStrategy.Data.Positions;

namespace HkStrategy.Web.Equity;

/// <summary>One trading day's prices as stored (three decimals, HKEX's finest tick) and its volume.</summary>
public sealed record EquityBar(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, long Volume);

/// <summary>The position's rules: the prices the chart draws as lines (null where not set) and its buy gates.</summary>
public sealed record EquityRules(
    decimal? TargetSell, decimal? StopLoss, decimal? AddZoneLow, decimal? AddZoneHigh, decimal? TrimMin, decimal? TacticalStop, IReadOnlyList<string> BuyOnly)
{
    public static EquityRules From(Position p) => new(p.TargetSell, p.StopLoss, p.AddZoneLow, p.AddZoneHigh, p.TrimMin, p.TacticalStop, p.BuyOnly);
}

/// <summary>The position held in the portfolio asked for, valued at its current price.</summary>
public sealed record EquityPosition(
    string PortfolioId, int Quantity, decimal AverageCost, decimal CurrentPrice, decimal MarketValue, decimal Cost, decimal UnrealizedPnl, decimal? UnrealizedPnlPercent)
{
    public static EquityPosition From(Position p) =>
        new(p.PortfolioId, p.Quantity, p.AverageCost, p.CurrentPrice, p.MarketValue, p.Cost, p.UnrealizedPnl, p.UnrealizedPnlPercent);
}
