using System.Globalization;
using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Validation;

/// <summary>What the recovered database should hold: the seed's checklist figures, given or taken from a manifest.</summary>
public sealed record ValidationExpectations
{
    public int? Portfolios { get; init; }
    public string? Portfolio { get; init; }
    public int? Positions { get; init; }
    public decimal? TotalValue { get; init; }
    public decimal TolerancePercent { get; init; } = 5m;
    public Uri? Dashboard { get; init; }

    /// <summary>The schema version a restore brought back on purpose (an older backup); null: this program's latest.</summary>
    public int? SchemaVersion { get; init; }

    /// <summary>Reads "5%" or "5" as five percent.</summary>
    public static decimal ParseTolerance(string text)
    {
        var number = text.Trim().TrimEnd('%');
        return decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100
            ? percent
            : throw HksException.Usage("InvalidTolerance", $"'{text}' is not a tolerance: write a percentage such as 5%");
    }
}

/// <summary>One line of the checklist.</summary>
/// <summary>One line of the checklist; <paramref name="Flagged"/> marks a passed line that still needs attention (stale prices).</summary>
public sealed record ChecklistItem(string Item, bool Passed, string Detail, bool Flagged = false)
{
    public string Mark => !Passed ? " " : Flagged ? "!" : "x";
}
