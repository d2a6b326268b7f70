namespace HkStrategy.Core.Costs;

/// <summary>Which side of a trade the costs are for: in Hong Kong both sides pay stamp duty, the levies and the fees.</summary>
public enum TradeSide
{
    Buy,
    Sell,
}
