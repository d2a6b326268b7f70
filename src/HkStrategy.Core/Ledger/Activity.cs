using HkStrategy.Core.Costs;

namespace HkStrategy.Core.Ledger;

/// <summary>
/// One activity of a portfolio as the ledger keeps it. Prices and amounts are in the activity's currency, converted to
/// HK$ at <see cref="FxRate"/> (1 for HKD); the costs are in HK$, as a Hong Kong contract note shows them.
/// <see cref="Leaves"/> is the position the activity leaves, derived by <see cref="WeightedAverageCost"/>.
/// </summary>
public sealed record Activity
{
    /// <summary>The ledger's id; 0 for an activity not yet stored (it comes after the day's stored ones).</summary>
    public long Id { get; init; }

    public required string PortfolioId { get; init; }

    public required ActivityType Type { get; init; }

    public required DateOnly TradeDate { get; init; }

    public DateOnly? SettlementDate { get; init; }

    public string? Symbol { get; init; }

    public int? Quantity { get; init; }

    /// <summary>Per share: a trade's price, a transfer's or opening's cost, a scrip dividend's reference price.</summary>
    public decimal? Price { get; init; }

    /// <summary>Money: a trade's consideration, a dividend, a fee, a deposit or withdrawal.</summary>
    public decimal? Amount { get; init; }

    public string Currency { get; init; } = Currencies.Base;

    public decimal FxRate { get; init; } = 1m;

    public SplitRatio? Ratio { get; init; }

    public TradeCosts Fees { get; init; } = TradeCosts.None;

    public string? Note { get; init; }

    public Holding? Leaves { get; init; }

    /// <summary>Quantity × price in HK$, to the cent.</summary>
    public decimal ConsiderationHkd => Cents.HalfUp((Quantity ?? 0) * (Price ?? 0m) * FxRate);

    /// <summary>The amount in HK$, to the cent.</summary>
    public decimal AmountHkd => Cents.HalfUp((Amount ?? 0m) * FxRate);
}
