using System.Globalization;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Input;

public static partial class InputValues
{
    /// <summary>Money paid or received (a dividend, a fee, a deposit): above 0, in cents (two decimals), below 10^14.</summary>
    public static decimal? Money(string what, string? text)
    {
        var amount = Amount(what, text);
        if (amount is not { } value)
        {
            return null;
        }
        return value != Math.Round(value, 2) ? throw HksException.Usage("InvalidAmount", $"{what} '{Shown(text!)}' has more than two decimals: money is in cents")
            : value;
    }

    /// <summary>An exchange rate in HK$ per unit (1.0876): above 0, at most eight decimals, below 1,000.</summary>
    public static decimal? Rate(string what, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!decimal.TryParse(PlainNumber(what, text, "InvalidRate"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
            || rate <= 0m || rate >= 1000m || rate != Math.Round(rate, 8))
        {
            throw HksException.Usage("InvalidRate", $"{what} '{Shown(text)}' is not an exchange rate in HK$ (a number above 0 such as 1.0876, at most eight decimals)");
        }
        return rate;
    }
}
