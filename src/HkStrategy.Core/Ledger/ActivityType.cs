using HkStrategy.Core.Failures;
using HkStrategy.Core.Text;

namespace HkStrategy.Core.Ledger;

/// <summary>What an activity is; its name (<see cref="ActivityTypes.Name"/>) is how the ledger stores and the doors show it.</summary>
public enum ActivityType
{
    Buy,
    Sell,
    Dividend,
    ScripDividend,
    Bonus,
    Split,
    Fee,
    Deposit,
    Withdrawal,
    TransferIn,
    TransferOut,
    Opening,
    Adjustment,
}

/// <summary>The activity types' names and what each does to a position.</summary>
public static class ActivityTypes
{
    private static readonly string[] Names =
        ["buy", "sell", "dividend", "scrip-dividend", "bonus", "split", "fee", "deposit", "withdrawal", "transfer-in", "transfer-out", "opening", "adjustment"];

    public static IReadOnlyList<string> All => Names;

    public static string Name(this ActivityType type) => Names[(int)type];

    /// <summary>The type a name stands for, or a refusal listing the names (<c>adjustment</c> only when <paramref name="adjustment"/>: hks writes those).</summary>
    public static ActivityType Parse(string? text, bool adjustment = false)
    {
        var index = Array.IndexOf(Names, text?.Trim().ToLowerInvariant());
        return index >= 0 && (adjustment || index != (int)ActivityType.Adjustment)
            ? (ActivityType)index
            : throw HksException.Usage("InvalidActivityType",
                $"'{TextRules.Escape(text ?? "")}' is not an activity type: {string.Join(", ", Names[..^1])}");
    }

    /// <summary>Whether the activity changes a position's shares or cost (and so records the position it leaves).</summary>
    public static bool ChangesPosition(this ActivityType type) =>
        type is not (ActivityType.Dividend or ActivityType.Fee or ActivityType.Deposit or ActivityType.Withdrawal);

    /// <summary>Whether the activity is a trade on the exchange, which pays Hong Kong's trading costs.</summary>
    public static bool IsTrade(this ActivityType type) => type is ActivityType.Buy or ActivityType.Sell;
}
