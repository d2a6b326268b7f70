using HkStrategy.Core.Failures;
using HkStrategy.Core.Symbols;

namespace HkStrategy.Core.Costs;

/// <summary>
/// Hong Kong's trading costs by trade date: the rates of the day, and the costs of one side of a trade to the cent.
/// The schedule starts on 2021-08-01 (stamp duty's rise to 0.13%); for an earlier trade the costs are refused, not
/// guessed: give them as the contract note shows them.
/// </summary>
public sealed class CostSchedule
{
    public CostSchedule(IEnumerable<CostRates> periods)
    {
        Periods = [.. periods.OrderBy(p => p.From)];
        if (Periods.Count == 0 || Periods.Select(p => p.From).Distinct().Count() != Periods.Count)
        {
            throw new ArgumentException("a cost schedule needs periods with distinct first days", nameof(periods));
        }
    }

    public IReadOnlyList<CostRates> Periods { get; }

    public DateOnly First => Periods[0].From;

    /// <summary>Hong Kong's schedule, each rate with its source in docs/costs.md.</summary>
    public static CostSchedule HongKong { get; } = new(
    [
        // Stamp duty 0.13% from 2021-08-01; SFC levy 0.0027%; HKEX trading fee 0.005%; CCASS 0.002%, HK$2 to HK$100.
        new(new DateOnly(2021, 8, 1), 0.0013m, 0.000027m, 0m, 0.00005m, 0.00002m, 2m, 100m),
        // The AFRC transaction levy, 0.00015%, from 2022-01-01.
        new(new DateOnly(2022, 1, 1), 0.0013m, 0.000027m, 0.0000015m, 0.00005m, 0.00002m, 2m, 100m),
        // HKEX's trading fee rises to 0.00565% from 2023-01-01.
        new(new DateOnly(2023, 1, 1), 0.0013m, 0.000027m, 0.0000015m, 0.0000565m, 0.00002m, 2m, 100m),
        // Stamp duty back to 0.1% for trades from 2023-11-17.
        new(new DateOnly(2023, 11, 17), 0.001m, 0.000027m, 0.0000015m, 0.0000565m, 0.00002m, 2m, 100m),
    ]);

    /// <summary>The rates in force on the trade date.</summary>
    public CostRates On(DateOnly tradeDate) =>
        Periods.LastOrDefault(p => p.From <= tradeDate)
        ?? throw HksException.Usage("CostsNotKnown",
            $"hks knows Hong Kong's trading costs from {First:yyyy-MM-dd}; for a trade on {tradeDate:yyyy-MM-dd} give the fees as the contract note shows them");

    /// <summary>
    /// One side's costs for a consideration (quantity × price, HK$) on the trade date: stamp duty up to a whole dollar,
    /// each levy and fee to the cent (half up), the settlement fee within its minimum and maximum, the broker's
    /// commission by its profile. An exchange traded fund's units (<see cref="ExchangeTradedFunds"/>) pay no stamp
    /// duty: waived since 2015-02-13, before the schedule's first day.
    /// </summary>
    /// <param name="symbol">The counter traded; none: a share, which pays stamp duty.</param>
    public TradeCosts Quote(TradeSide side, decimal consideration, DateOnly tradeDate, BrokerProfile? broker = null, string? symbol = null)
    {
        _ = side; // both sides pay the same in Hong Kong: the side is named so that a future one-sided charge has its place
        if (consideration < 0m)
        {
            throw HksException.Usage("InvalidAmount", "a trade's consideration cannot be negative");
        }
        var rates = On(tradeDate);
        if (consideration == 0m)
        {
            return TradeCosts.None;
        }
        return new TradeCosts(
            symbol is not null && ExchangeTradedFunds.Is(symbol) ? 0m : Cents.WholeDollarUp(consideration * rates.StampDuty),
            Cents.HalfUp(consideration * rates.SfcLevy),
            Cents.HalfUp(consideration * rates.AfrcLevy),
            Cents.HalfUp(consideration * rates.TradingFee),
            Math.Clamp(Cents.HalfUp(consideration * rates.SettlementFee), rates.SettlementMinimum, rates.SettlementMaximum),
            (broker ?? BrokerProfile.None).Commission(consideration));
    }
}
