namespace HkStrategy.Data.Portfolios.Exchange;

/// <summary>
/// Everything of one portfolio in one versioned JSON document: metadata, positions with rules, the events of its
/// symbols and its value analyses with their daily values. <c>hks portfolio export</c> writes it, import reads it.
/// </summary>
public sealed record PortfolioDocument
{
    // What a document may leave out keeps its default: the JSON reader generated at build time sets every init-only
    // property, a missing one to null or 0.
    public const string FormatName = "hks-portfolio";

    /// <summary>2 added the positions' overlays (trim minimum, tactical stop, buy gates); version 1 documents are still read.</summary>
    public const int CurrentVersion = 2;

    /// <summary>Whether the document carries the overlays (a version 1 document does not: importing it leaves them as they are).</summary>
    public bool HasOverlays => Version >= 2;

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

/// <summary>What an import did (or, in its preview, would do).</summary>
public sealed record ImportOutcome(bool PortfolioCreated, int PositionsAdded, int PositionsUpdated, int EventsAdded, int AnalysesAdded, int AnalysesReplaced)
{
    public int RulesAdded { get; init; }

    public int RulesChanged { get; init; }

    public bool ChangesExistingRows => PositionsUpdated > 0 || AnalysesReplaced > 0 || RulesChanged > 0;

    public bool ChangesNothing => !PortfolioCreated && PositionsAdded + PositionsUpdated + EventsAdded + AnalysesAdded + AnalysesReplaced + RulesAdded + RulesChanged == 0;
}
