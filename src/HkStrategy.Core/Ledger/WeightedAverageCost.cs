using System.Globalization;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Ledger;

/// <summary>An activity with the position before and after it and, for a sale, the profit or loss it realised (HK$).</summary>
public sealed record DerivedActivity(Activity Activity, Holding Before, Holding After, decimal? RealizedPnl)
{
    /// <summary>The cost a sale or transfer out took off the position (HK$).</summary>
    public decimal CostOut => Before.Cost - After.Cost;
}

/// <summary>
/// A position derived from its activities by weighted average cost, as Hong Kong brokers report it (docs/ledger.md):
/// a buy adds its consideration and its costs to the total cost; a sale takes off the average cost of the shares sold
/// (so the average stays) and realises its proceeds less its costs less that cost; a bonus issue or a split changes the
/// shares, not the cost; a scrip dividend adds its shares at their reference price; an opening balance or adjustment
/// sets the position as given. Selling or transferring out more than is held is refused, naming the day.
/// </summary>
public static class WeightedAverageCost
{
    /// <summary>Each activity of one symbol's chain, in the ledger's order, with what it leaves.</summary>
    public static IReadOnlyList<DerivedActivity> Derive(IEnumerable<Activity> chain)
    {
        var derived = new List<DerivedActivity>();
        var holding = Holding.None;
        foreach (var activity in LedgerOrder.Sorted(chain))
        {
            var step = Apply(holding, activity);
            derived.Add(step);
            holding = step.After;
        }
        return derived;
    }

    public static DerivedActivity Apply(Holding before, Activity activity)
    {
        var quantity = activity.Quantity ?? 0;
        switch (activity.Type)
        {
            case ActivityType.Buy:
                return new(activity, before, Added(before, quantity, activity.ConsiderationHkd + activity.Fees.Total), null);
            case ActivityType.TransferIn:
            case ActivityType.ScripDividend:
                return new(activity, before, Added(before, quantity, activity.ConsiderationHkd + activity.Fees.Total), null);
            case ActivityType.Sell:
            {
                var after = Taken(before, activity, quantity);
                return new(activity, before, after, activity.ConsiderationHkd - activity.Fees.Total - (before.Cost - after.Cost));
            }
            case ActivityType.TransferOut:
                return new(activity, before, Taken(before, activity, quantity), null);
            case ActivityType.Bonus:
                return new(activity, before, before with { Quantity = Checked(activity, (long)before.Quantity + quantity) }, null);
            case ActivityType.Split:
                return new(activity, before, before with { Quantity = activity.Ratio?.Apply(before.Quantity) ?? before.Quantity }, null);
            case ActivityType.Opening:
            case ActivityType.Adjustment:
                return new(activity, before, Holding.At(quantity, activity.Price ?? 0m), null);
            default:
                return new(activity, before, before, null);
        }

        Holding Added(Holding from, int shares, decimal cost) => new(Checked(activity, (long)from.Quantity + shares), from.Cost + cost);
    }

    /// <summary>The position less the shares, at its average cost: the cost taken to the cent, all of it with the last share.</summary>
    private static Holding Taken(Holding before, Activity activity, int shares)
    {
        if (shares > before.Quantity)
        {
            throw new OversoldException(activity, string.Create(CultureInfo.InvariantCulture,
                $"the {activity.Type.Name()} of {shares:N0} {activity.Symbol} on {activity.TradeDate:yyyy-MM-dd} is more than the {before.Quantity:N0} shares held then"));
        }
        if (shares == before.Quantity)
        {
            return Holding.None;
        }
        var costOut = Cents.HalfUp(before.Cost * shares / before.Quantity);
        return new Holding(before.Quantity - shares, before.Cost - costOut);
    }

    private static int Checked(Activity activity, long quantity) =>
        quantity <= int.MaxValue ? (int)quantity
        : throw HksException.Refused("TooManyShares", string.Create(CultureInfo.InvariantCulture,
            $"the {activity.Type.Name()} of {activity.Symbol} on {activity.TradeDate:yyyy-MM-dd} would hold more than {int.MaxValue:N0} shares"));
}
