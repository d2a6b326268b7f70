namespace HkStrategy.Core.Costs;

/// <summary>
/// The statutory and exchange rates in force from one day on, as fractions of the consideration (0.001 is 0.1%). Where
/// each comes from is in docs/costs.md; a change of rate is one more <see cref="CostRates"/> in <see cref="CostSchedule"/>.
/// </summary>
/// <param name="From">The first trade date these rates apply to.</param>
/// <param name="StampDuty">Ad valorem stamp duty, charged to each side, rounded up to a whole dollar.</param>
/// <param name="SfcLevy">The Securities and Futures Commission's transaction levy.</param>
/// <param name="AfrcLevy">The Accounting and Financial Reporting Council's transaction levy (none before 2022).</param>
/// <param name="TradingFee">HKEX's trading fee.</param>
/// <param name="SettlementFee">HKSCC's CCASS stock settlement fee, with its minimum and maximum per side.</param>
public sealed record CostRates(
    DateOnly From, decimal StampDuty, decimal SfcLevy, decimal AfrcLevy, decimal TradingFee,
    decimal SettlementFee, decimal SettlementMinimum, decimal SettlementMaximum);
