using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Performance;

/// <summary>
/// The money an activity puts into the holdings (negative: takes out), as the investor sees it: a buy its
/// consideration and costs; a sale its proceeds less costs, out; a cash dividend, out (it is return); a fee charged
/// apart, in; shares that arrive or leave without a trade (a transfer, an opening balance, an adjustment) their value
/// at the day's close. Bonus shares, splits and scrip dividends move no money: their value is return.
/// </summary>
public static class DayFlows
{
    /// <param name="before">Shares held before the activity.</param>
    /// <param name="after">Shares held after it.</param>
    /// <param name="price">The day's close of the symbol (or the activity's price when there is none).</param>
    public static decimal Of(Activity activity, int before, int after, decimal price) => activity.Type switch
    {
        ActivityType.Buy => activity.ConsiderationHkd + activity.Fees.Total,
        ActivityType.Sell => -(activity.ConsiderationHkd - activity.Fees.Total),
        ActivityType.Dividend => -(activity.AmountHkd - activity.Fees.Total),
        ActivityType.Fee => activity.AmountHkd,
        ActivityType.TransferIn or ActivityType.TransferOut or ActivityType.Opening or ActivityType.Adjustment =>
            Costs.Cents.HalfUp((after - before) * price) + activity.Fees.Total,
        _ => 0m,
    };
}
