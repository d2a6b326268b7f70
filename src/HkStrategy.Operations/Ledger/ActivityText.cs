using System.Globalization;
using HkStrategy.Core.Ledger;
using HkStrategy.Operations.Steps;

namespace HkStrategy.Operations.Ledger;

/// <summary>An activity in one line, as both doors show it: "buy 1,000 0700.HK at 320.200 on 2024-03-04".</summary>
public static class ActivityText
{
    public static string Line(Activity a)
    {
        var what = a.Type switch
        {
            ActivityType.Split => $"split {a.Symbol} {a.Ratio}",
            ActivityType.Buy or ActivityType.Sell or ActivityType.ScripDividend or ActivityType.TransferIn or ActivityType.Opening or ActivityType.Adjustment =>
                $"{a.Type.Name()} {StepText.Shares(a.Quantity ?? 0)} {a.Symbol} at {StepText.Price(a.Price ?? 0m)}{Currency(a)}",
            ActivityType.Bonus or ActivityType.TransferOut => $"{a.Type.Name()} {StepText.Shares(a.Quantity ?? 0)} {a.Symbol}",
            _ => $"{a.Type.Name()}{(a.Symbol is null ? "" : " " + a.Symbol)} of {StepText.Amount(a.Amount ?? 0m)}{Currency(a)}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what} on {a.TradeDate:yyyy-MM-dd}");
    }

    private static string Currency(Activity a) => a.Currency == Currencies.Base ? "" : " " + a.Currency;
}
