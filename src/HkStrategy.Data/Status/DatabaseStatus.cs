namespace HkStrategy.Data.Status;

/// <summary>The seed's "investigate db state", as data: what the database is, what it holds, what looks wrong.</summary>
public sealed record DatabaseStatus(
    string Target,
    string ServerVersion,
    int? SchemaVersion,
    int? DetectedVersion,
    string DetectedShape,
    IReadOnlyList<int> PendingMigrations,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<PortfolioStatus> Portfolios,
    StatusTotals Totals,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Notices)
{
    /// <summary>Held positions whose newest bar is older than the last closed trading day: flagged, not a failure.</summary>
    public IReadOnlyList<HkStrategy.Data.Prices.StalePrice> StalePrices { get; init; } = [];

    public DateOnly? LastTradingDay { get; init; }

    /// <summary>Tables and views in schema public that hks does not manage: kept as they are by every operation.</summary>
    public IReadOnlyList<UnmanagedRelation> Unmanaged { get; init; } = [];
}

/// <summary>A table or view hks does not know; <paramref name="Rows"/> for tables only.</summary>
public sealed record UnmanagedRelation(string Name, string Kind, long? Rows);

public sealed record PortfolioStatus(string PortfolioId, string Name, int Positions, decimal MarketValue);

public sealed record StatusTotals(int Portfolios, int Positions, decimal MarketValue);
