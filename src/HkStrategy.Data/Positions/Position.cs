using System.Text.Json.Serialization;
using HkStrategy.Core.Signals;

namespace HkStrategy.Data.Positions;

/// <summary>
/// A position with the generated columns (market value, unrealised P&amp;L) as PostgreSQL computes them, its rules,
/// and <see cref="Version"/> (the row's xmin) for optimistic concurrency.
/// </summary>
public sealed record Position(
    string PortfolioId, string Symbol, string? CompanyName, int Quantity, decimal AverageCost, decimal CurrentPrice,
    decimal MarketValue, decimal UnrealizedPnl, string? Sector, DateTime? LastUpdated, long Version,
    decimal? TargetSell, decimal? StopLoss, decimal? AddZoneLow, decimal? AddZoneHigh,
    decimal? TrimMin, decimal? TacticalStop, [property: JsonIgnore] string BuyOnlyNames)
{
    /// <summary>The buy gates' names (read as comma-joined text: Dapper matches no array to a constructor).</summary>
    public IReadOnlyList<string> BuyOnly => BuyOnlyNames.Length == 0 ? [] : BuyOnlyNames.Split(',');

    /// <summary>The rules as the signal rules read them.</summary>
    [JsonIgnore]
    public PositionRails Rails => new(TargetSell, TrimMin, StopLoss, TacticalStop, AddZoneLow, AddZoneHigh, BuyGateNames.Parse("buy_only", BuyOnly));

    public decimal Cost => Math.Round(Quantity * AverageCost, 2, MidpointRounding.AwayFromZero);

    public decimal? UnrealizedPnlPercent => Cost == 0 ? null : Math.Round(UnrealizedPnl / Cost * 100, 2, MidpointRounding.AwayFromZero);
}

/// <summary>What an add or update sets; null leaves a field as it is.</summary>
public sealed record PositionChange
{
    public string? CompanyName { get; init; }

    public int? Quantity { get; init; }

    public decimal? AverageCost { get; init; }

    public decimal? CurrentPrice { get; init; }

    public string? Sector { get; init; }

    /// <summary>The version the caller last read; the change is refused if the row moved on since.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>Whether no field of the position itself changes (rules or events may).</summary>
    public bool ChangesNoField => CompanyName is null && Quantity is null && AverageCost is null && CurrentPrice is null && Sector is null;
}

/// <summary>A position's rules; null leaves a rule as it is, <see cref="Clear"/> lists rules to remove.</summary>
public sealed record RuleChange
{
    public decimal? TargetSell { get; init; }

    public decimal? StopLoss { get; init; }

    public decimal? AddZoneLow { get; init; }

    public decimal? AddZoneHigh { get; init; }

    public decimal? TrimMin { get; init; }

    public decimal? TacticalStop { get; init; }

    /// <summary>The buy gates the position gets (replacing those it had); null leaves them as they are.</summary>
    public BuyGates? BuyOnly { get; init; }

    public IReadOnlySet<string> Clear { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool IsEmpty => TargetSell is null && StopLoss is null && AddZoneLow is null && AddZoneHigh is null && TrimMin is null && TacticalStop is null
        && BuyOnly is null && Clear.Count == 0;
}
