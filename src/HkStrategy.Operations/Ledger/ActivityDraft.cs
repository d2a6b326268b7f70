using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;

namespace HkStrategy.Operations.Ledger;

/// <summary>An activity as the user gives it, each value already parsed; what is left out hks works out (<see cref="ActivityBuilder"/>).</summary>
public sealed record ActivityDraft
{
    public required string PortfolioId { get; init; }

    public required ActivityType Type { get; init; }

    public required DateOnly TradeDate { get; init; }

    public string? Symbol { get; init; }

    public int? Quantity { get; init; }

    public decimal? Price { get; init; }

    public decimal? Amount { get; init; }

    public string Currency { get; init; } = Currencies.Base;

    /// <summary>HK$ per unit of the currency; none: the day's rate from the price history.</summary>
    public decimal? FxRate { get; init; }

    public SplitRatio? Ratio { get; init; }

    public FeesChoice Fees { get; init; } = FeesChoice.Default;

    public string? Note { get; init; }
}

/// <summary>
/// How a trade's costs are found: <c>auto</c> computes Hong Kong's costs of the day; an amount is the contract note's
/// total, kept as one figure (it has no breakdown); none given means auto for a trade and none for anything else.
/// </summary>
public sealed record FeesChoice(bool Auto, decimal? Amount, TradeCosts? Exact = null)
{
    public static FeesChoice Default { get; } = new(false, null);

    public static FeesChoice Computed { get; } = new(true, null);

    public static FeesChoice Given(decimal amount) => new(false, amount);

    /// <summary>Costs as they are, each kind as stored (an edit that leaves a contract note's costs alone, an import with a breakdown).</summary>
    public static FeesChoice Kept(TradeCosts costs) => new(false, null, costs);
}
