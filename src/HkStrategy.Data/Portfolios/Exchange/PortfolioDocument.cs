using System.Text.Json.Serialization;

namespace HkStrategy.Data.Portfolios.Exchange;

/// <summary>
/// Everything of one portfolio in one versioned JSON document: metadata, positions with rules, the events of its
/// symbols, its value analyses with their daily values, its activity ledger and its broker profile.
/// <c>hks portfolio export</c> writes it, import reads it.
/// </summary>
public sealed record PortfolioDocument
{
    // What a document may leave out keeps its default: the JSON reader generated at build time sets every init-only
    // property, a missing one to null or 0.
    public const string FormatName = "hks-portfolio";

    /// <summary>
    /// 2 added the positions' overlays (trim minimum, tactical stop, buy gates); 3 the activity ledger and the broker
    /// profile. Documents of versions 1 and 2 are still read.
    /// </summary>
    public const int CurrentVersion = 3;

    /// <summary>Whether the document carries the overlays (a version 1 document does not: importing it leaves them as they are).</summary>
    [JsonIgnore]
    public bool HasOverlays => Version >= 2;

    /// <summary>
    /// Whether the document carries the ledger: its positions are then what its activities leave, and importing it
    /// brings the activities; an earlier document's positions are recorded as written (an opening balance or an adjustment).
    /// </summary>
    [JsonIgnore]
    public bool HasLedger => Version >= 3;

    public string Format { get; init => field = value ?? FormatName; } = FormatName;

    /// <summary>
    /// A document without it is read as version 1 (which always wrote it: the field is missing only from hand-made ones);
    /// the reader gives a missing number as 0, a version no document ever had.
    /// </summary>
    public int Version { get; init => field = value == 0 ? 1 : value; } = 1;

    public DateTimeOffset ExportedAt { get; init; }

    public required ExportedPortfolio Portfolio { get; init; }

    public IReadOnlyList<ExportedPosition> Positions { get; init => field = value ?? []; } = [];

    public IReadOnlyList<ExportedEvent> Events { get; init => field = value ?? []; } = [];

    public IReadOnlyList<ExportedAnalysis> Analyses { get; init => field = value ?? []; } = [];

    /// <summary>The ledger in its order (by trade day, then as recorded); what each activity leaves is derived, not carried.</summary>
    public IReadOnlyList<ExportedActivity> Activities { get; init => field = value ?? []; } = [];

    /// <summary>The broker profile; none: the portfolio has none (importing leaves the one it may have).</summary>
    public ExportedBroker? Broker { get; init; }
}

public sealed record ExportedPortfolio(string PortfolioId, string Name, string? Description, DateTime? CreatedAt, DateTime? UpdatedAt);

public sealed record ExportedPosition(
    string Symbol, string? CompanyName, int Quantity, decimal AverageCost, decimal CurrentPrice, string? Sector, DateTime? LastUpdated,
    decimal? TargetSell, decimal? StopLoss, decimal? AddZoneLow, decimal? AddZoneHigh,
    decimal? TrimMin = null, decimal? TacticalStop = null, IReadOnlyList<string>? BuyOnly = null)
{
    public IReadOnlyList<string> BuyOnly { get; init => field = value ?? []; } = BuyOnly ?? [];
}

public sealed record ExportedEvent(string Symbol, DateOnly Date, string Description);

public sealed record ExportedAnalysis(
    string Name, DateOnly StartDate, DateOnly EndDate, DateTime? CreatedAt, string? UserNotes, decimal? StartPv, decimal? EndPv,
    decimal? TotalReturn, decimal? MaxDrawdown, decimal? Volatility, IReadOnlyList<ExportedValue> Values);

public sealed record ExportedValue(
    DateOnly TradeDate, decimal PortfolioValue, decimal? CashValue, decimal TotalValue, decimal? DailyChange, decimal? DailyReturn, string? TopContributors);

/// <summary>
/// One activity as hks's own activity CSV carries it: the costs by kind as recorded (never computed again), the rate
/// of a foreign currency as stored. The settlement day and the position it leaves follow from these.
/// What an activity has no value for is left out of the JSON, so a ledger of 100,000 activities stays well inside a document's size.
/// </summary>
public sealed record ExportedActivity(
    DateOnly Date, string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Symbol,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Quantity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Price,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Amount,
    string? Currency,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? FxRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ratio,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExportedCosts? Fees,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

/// <summary>A trade's costs by kind, in HK$.</summary>
public sealed record ExportedCosts(decimal StampDuty, decimal SfcLevy, decimal AfrcLevy, decimal TradingFee, decimal SettlementFee, decimal Commission);

/// <summary>What the portfolio's broker charges (the rate a fraction: 0.0003 is 0.03%).</summary>
public sealed record ExportedBroker(string? Broker, decimal CommissionRate, decimal CommissionMinimum, decimal PlatformFee);

/// <summary>What a document's ledger brought in: the activities added, and those held already whose recorded position they moved.</summary>
public sealed record LedgerImported(int Added, int Moved);

/// <summary>What an import did (or, in its preview, would do).</summary>
public sealed record ImportOutcome(bool PortfolioCreated, int PositionsAdded, int PositionsUpdated, int EventsAdded, int AnalysesAdded, int AnalysesReplaced)
{
    public int RulesAdded { get; init; }

    public int RulesChanged { get; init; }

    /// <summary>The document's activities the ledger did not hold yet (matched by content and occurrence, as an activity import does).</summary>
    public int ActivitiesAdded { get; init; }

    /// <summary>Activities the ledger held already whose recorded position the added ones move (an earlier sale or buy added before them).</summary>
    public int ActivitiesMoved { get; init; }

    public bool BrokerAdded { get; init; }

    public bool BrokerChanged { get; init; }

    public bool ChangesExistingRows => PositionsUpdated > 0 || AnalysesReplaced > 0 || RulesChanged > 0 || BrokerChanged || ActivitiesMoved > 0;

    public bool ChangesNothing => !PortfolioCreated && !BrokerAdded && !BrokerChanged
        && PositionsAdded + PositionsUpdated + EventsAdded + AnalysesAdded + AnalysesReplaced + RulesAdded + RulesChanged + ActivitiesAdded == 0;
}
