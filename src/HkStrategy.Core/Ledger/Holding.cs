namespace HkStrategy.Core.Ledger;

/// <summary>
/// A position as the ledger carries it: shares and their total cost in HK$ (cents, costs of buying included). The
/// average cost is derived, to three decimals as <c>portfolio_positions.avg_cost</c> stores it; the total cost is kept
/// exact so that a chain of trades never drifts by the average's rounding.
/// </summary>
public readonly record struct Holding(int Quantity, decimal Cost)
{
    public static Holding None => default;

    public decimal AverageCost => Quantity == 0 ? 0m : Math.Round(Cost / Quantity, 3, MidpointRounding.AwayFromZero);

    /// <summary>A position set as given (an opening balance, an adjustment): the shares at an average cost.</summary>
    public static Holding At(int quantity, decimal averageCost) => new(quantity, quantity == 0 ? 0m : quantity * averageCost);
}
