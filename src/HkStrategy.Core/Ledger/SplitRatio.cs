using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Text;

namespace HkStrategy.Core.Ledger;

/// <summary>A split or consolidation: every <see cref="From"/> shares become <see cref="To"/> (1:2 a split, 10:1 a consolidation).</summary>
public sealed record SplitRatio(int From, int To)
{
    /// <summary><c>N:M</c>, both whole numbers from 1 to 1,000,000, not equal (that would change nothing).</summary>
    public static SplitRatio Parse(string what, string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length == 2 && Whole(parts[0]) is { } from && Whole(parts[1]) is { } to && from != to)
        {
            return new SplitRatio(from, to);
        }
        throw HksException.Usage("InvalidRatio",
            $"{what} '{TextRules.Escape(text.Length <= 20 ? text : text[..20] + "…")}' is not a ratio N:M of two different whole numbers (1:2 splits each share in two, 10:1 consolidates ten into one)");
    }

    private static int? Whole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 1_000_000 ? value : null;

    /// <summary>The shares a holding becomes: whole shares only, as CCASS credits them (a fraction is paid in cash or lost).</summary>
    public int Apply(int quantity) => (int)Math.Min(int.MaxValue, (long)quantity * To / From);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From}:{To}");
}
