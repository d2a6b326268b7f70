namespace HkStrategy.Core.Costs;

/// <summary>
/// The costs of one side of one trade in Hong Kong dollars, each as the contract note shows it: stamp duty in whole
/// dollars, the levies and fees in cents, the broker's commission (with its platform fee).
/// </summary>
public sealed record TradeCosts(decimal StampDuty, decimal SfcLevy, decimal AfrcLevy, decimal TradingFee, decimal SettlementFee, decimal Commission)
{
    public static TradeCosts None { get; } = new(0m, 0m, 0m, 0m, 0m, 0m);

    public decimal Total => StampDuty + SfcLevy + AfrcLevy + TradingFee + SettlementFee + Commission;
}
