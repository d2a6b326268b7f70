using System.Globalization;
using HkStrategy.Core.Failures;

namespace HkStrategy.Core.Costs;

/// <summary>
/// What a broker charges per trade: a rate of the consideration with a minimum, and a flat platform fee. Brokers differ,
/// so a portfolio has none until its owner gives one (none: no commission).
/// </summary>
public sealed record BrokerProfile(decimal Rate, decimal Minimum, decimal PlatformFee)
{
    /// <summary>Hong Kong's brokers charge from nothing to about 0.25%: a rate above 1% is a slip (3% for 0.03%), refused.</summary>
    public const decimal HighestRate = 0.01m;

    /// <summary>A minimum or a platform fee above this per trade is a slip of a digit, refused.</summary>
    public const decimal HighestCharge = 10_000m;

    public static BrokerProfile None { get; } = new(0m, 0m, 0m);

    public bool IsNone => Rate == 0m && Minimum == 0m && PlatformFee == 0m;

    /// <summary>The rate of the consideration, at least the minimum, to the cent (half up), plus the platform fee.</summary>
    public decimal Commission(decimal consideration) =>
        consideration == 0m ? 0m : Math.Max(Cents.HalfUp(consideration * Rate), Minimum) + PlatformFee;

    /// <summary>The profile, its values within what a broker charges; each refusal names its option.</summary>
    public static BrokerProfile Checked(decimal rate, decimal minimum, decimal platformFee) =>
        new(CheckedRate(rate), CheckedCharge("--commission-minimum", minimum), CheckedCharge("--platform-fee", platformFee));

    /// <summary>The commission rate (a fraction: 0.0003 is 0.03%), from 0 to 1%, to four decimals of a percent.</summary>
    public static decimal CheckedRate(decimal rate)
    {
        if (rate < 0m || rate > HighestRate)
        {
            throw HksException.Usage("CommissionRateOutOfRange", string.Create(CultureInfo.InvariantCulture,
                $"--commission-rate {rate * 100m:0.####}% is not a Hong Kong broker's rate (0% to 1%; 0.03% is written 0.03%)"));
        }
        if (decimal.Round(rate, 6) != rate)
        {
            throw HksException.Usage("CommissionRateTooPrecise", string.Create(CultureInfo.InvariantCulture,
                $"--commission-rate {rate * 100m}% has more decimals than a tariff: at most four after the percent's point (0.0275%)"));
        }
        return rate;
    }

    /// <summary>A charge per trade (the minimum, the platform fee) from HK$0 to <see cref="HighestCharge"/>, to the cent.</summary>
    public static decimal CheckedCharge(string option, decimal amount)
    {
        if (amount < 0m || amount > HighestCharge || decimal.Round(amount, 2) != amount)
        {
            throw HksException.Usage("BrokerChargeOutOfRange", string.Create(CultureInfo.InvariantCulture,
                $"{option} {amount} is not a charge per trade from HK$0 to HK${HighestCharge:N0}, to the cent"));
        }
        return amount;
    }
}
