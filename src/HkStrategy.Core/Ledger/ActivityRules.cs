using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Ledger;

/// <summary>
/// What each activity type needs and refuses, checked before anything is written, one line naming the option:
/// a trade needs a symbol, shares and a price; a dividend its amount; a split its ratio; cash moves an amount and no
/// symbol. A value the type has no use for is refused rather than silently dropped.
/// </summary>
public static class ActivityRules
{
    public static void Check(Activity activity)
    {
        var type = activity.Type;
        var name = type.Name();
        Need(type is ActivityType.Deposit or ActivityType.Withdrawal ? activity.Symbol is null : type == ActivityType.Fee || activity.Symbol is not null,
            "SymbolRequired", type is ActivityType.Deposit or ActivityType.Withdrawal ? $"a {name} moves cash: it has no --symbol" : $"a {name} needs --symbol");
        switch (type)
        {
            case ActivityType.Buy or ActivityType.Sell or ActivityType.TransferIn or ActivityType.ScripDividend:
                Shares(activity, name);
                Need(activity.Price is > 0m, "PriceRequired", $"a {name} needs --price, above 0 ({PriceMeaning(type)})");
                break;
            case ActivityType.TransferOut or ActivityType.Bonus:
                Shares(activity, name);
                Need(activity.Price is null, "PriceNotUsed", $"a {name} has no --price: {(type == ActivityType.Bonus ? "bonus shares cost nothing" : "the shares leave at their average cost")}");
                break;
            case ActivityType.Opening or ActivityType.Adjustment:
                Need(activity.Quantity is >= 0, "QuantityRequired", $"an {name} needs --quantity, the shares held (0 or more)");
                Need(activity.Price is >= 0m, "PriceRequired", $"an {name} needs --price, the average cost of the shares held");
                break;
            case ActivityType.Split:
                Need(activity.Ratio is not null, "RatioRequired", "a split needs --ratio N:M (1:2 splits each share in two, 10:1 consolidates ten into one)");
                Need(activity.Quantity is null && activity.Price is null, "SplitTakesRatio", "a split changes the shares by its --ratio only: no --quantity or --price");
                break;
            default:
                Need(activity.Amount is > 0m, "AmountRequired", $"a {name} needs --amount, above 0");
                Need(activity.Quantity is null && activity.Price is null, "AmountOnly", $"a {name} is an amount of money: no --quantity or --price");
                break;
        }
        Need(activity.Ratio is null || type == ActivityType.Split, "RatioNotUsed", $"only a split has a --ratio, not a {name}");
        Need(activity.Fees.Total == 0m || type is not (ActivityType.Deposit or ActivityType.Withdrawal or ActivityType.Bonus or ActivityType.Split),
            "FeesNotUsed", $"a {name} has no fees");
    }

    private static void Shares(Activity activity, string name) =>
        Need(activity.Quantity is > 0, "QuantityRequired", $"a {name} needs --quantity, the shares (1 or more)");

    private static string PriceMeaning(ActivityType type) => type switch
    {
        ActivityType.TransferIn => "the shares' cost per share",
        ActivityType.ScripDividend => "the scrip's reference price",
        _ => "the price per share",
    };

    private static void Need(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw HksException.Usage(name, message);
        }
    }
}
