using System.Globalization;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Brokers;
using Npgsql;

namespace HkStrategy.Operations.Ledger;

/// <summary>An activity ready to store, with what the user should know about it (an odd lot).</summary>
public sealed record BuiltActivity(Activity Activity, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns a draft into the activity the ledger stores: the rate of its currency, a trade's consideration, costs and
/// settlement day (T+2 by the HKEX calendar), each type's rules checked (<see cref="ActivityRules"/>).
/// </summary>
public static class ActivityBuilder
{
    /// <param name="broker">The portfolio's broker profile when the caller has read it (an import reads it once); else read here for a trade.</param>
    public static async Task<BuiltActivity> BuildAsync(NpgsqlConnection connection, ActivityDraft draft, CancellationToken cancellationToken, BrokerProfile? broker = null)
    {
        var fxRate = draft.Currency == Currencies.Base || draft.FxRate is not null
            ? RateOf(draft)
            : await FxRates.OnAsync(connection, draft.Currency, draft.TradeDate, cancellationToken);
        if (broker is null && draft.Type.IsTrade() && draft.Fees.Exact is null && draft.Fees.Amount is null)
        {
            broker = await BrokerProfileStore.ChargedAsync(connection, draft.PortfolioId, cancellationToken);
        }
        return Build(draft with { FxRate = fxRate }, broker ?? BrokerProfile.None);
    }

    /// <summary>The draft built without asking the database: its rate given (or HK$'s), the broker's profile read before.</summary>
    public static BuiltActivity Build(ActivityDraft draft, BrokerProfile broker)
    {
        var activity = new Activity
        {
            PortfolioId = draft.PortfolioId, Type = draft.Type, TradeDate = draft.TradeDate, Symbol = draft.Symbol, Quantity = draft.Quantity,
            Price = draft.Price, Amount = draft.Amount, Currency = draft.Currency, FxRate = RateOf(draft), Ratio = draft.Ratio, Note = draft.Note,
        };
        return Complete(activity, draft.Fees, broker);
    }

    private static decimal RateOf(ActivityDraft draft) => draft.Currency == Currencies.Base
        ? draft.FxRate is null or 1m ? 1m : throw HksException.Usage("FxRateNotUsed", "an activity in HKD has no --fx-rate")
        : draft.FxRate ?? throw new InvalidOperationException($"the {draft.Currency} activity's rate was to be looked up before it is built");

    /// <summary>The activity with its trade's consideration, settlement day and costs, its rules checked.</summary>
    /// <param name="broker">Whose commission a trade's computed costs include.</param>
    public static BuiltActivity Complete(Activity activity, FeesChoice fees, BrokerProfile broker)
    {
        if (activity.Type.IsTrade())
        {
            if (activity.Amount is { } given && activity.Quantity is { } q && activity.Price is { } p && given != Cents.HalfUp(q * p))
            {
                throw HksException.Usage("AmountDisagrees", string.Create(CultureInfo.InvariantCulture,
                    $"--amount {given} is not --quantity × --price ({Cents.HalfUp(q * p)}): give the two, the amount follows"));
            }
            activity = activity with
            {
                Amount = Cents.HalfUp((activity.Quantity ?? 0) * (activity.Price ?? 0m)),
                SettlementDate = TradingCalendar.Hkex.SettlementDay(activity.TradeDate),
            };
        }
        activity = activity with { Fees = Costs(activity, fees, broker) };
        ActivityRules.Check(activity);
        return new BuiltActivity(activity, Warnings(activity));
    }

    private static TradeCosts Costs(Activity activity, FeesChoice fees, BrokerProfile broker)
    {
        if (fees.Exact is { } exact)
        {
            return exact;
        }
        if (fees.Amount is { } total)
        {
            return TradeCosts.None with { Commission = total };
        }
        if (!activity.Type.IsTrade())
        {
            return fees.Auto
                ? throw HksException.Usage("FeesAutoForTradesOnly", $"--fees auto computes a trade's costs: give a {activity.Type.Name()}'s fees as an amount")
                : TradeCosts.None;
        }
        var side = activity.Type == ActivityType.Sell ? TradeSide.Sell : TradeSide.Buy;
        return CostSchedule.HongKong.Quote(side, activity.ConsiderationHkd, activity.TradeDate, broker, activity.Symbol);
    }

    private static IReadOnlyList<string> Warnings(Activity activity) =>
        activity.Type.IsTrade() && activity.Symbol is { } symbol && BoardLots.Find(symbol) is { } lot && activity.Quantity % lot != 0
            ? [string.Create(CultureInfo.InvariantCulture,
                $"{activity.Quantity:N0} shares of {symbol} is not a whole number of board lots of {lot:N0}: an odd lot trades on HKEX's odd-lot market, usually below the board-lot price")]
            : [];
}
