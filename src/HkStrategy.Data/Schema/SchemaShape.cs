namespace HkStrategy.Data.Schema;

/// <summary>What an existing database looks like, judged from its tables when it has no version record.</summary>
public enum SchemaShape
{
    Empty,
    SinglePortfolio,
    Transitional,
    MultiPortfolio,

    /// <summary>
    /// The prototype's own version 2 (its migration_v1_to_v2.sql on the transitional shape): portfolio_id on the
    /// position, signal and price tables but nullable, UNIQUE(symbol) kept. Adopting it normalises it to version 2.
    /// </summary>
    PrototypeMultiPortfolio,
    Unknown,
}

/// <summary>The shape found, the version it corresponds to (null for unknown) and, for unknown, why.</summary>
public sealed record SchemaClassification(SchemaShape Shape, int? Version, string Reason)
{
    /// <summary>What adopting the database creates again, empty, before its versions are recorded (what the prototype's later scripts took away).</summary>
    public IReadOnlyList<string> Recreates { get; init; } = [];

    /// <summary>The reason, with what adopting creates.</summary>
    public string Explanation => Recreates.Count == 0 ? Reason : $"{Reason}; adopting creates, empty: {string.Join("; ", Recreates)}";

    /// <summary>Positions, signals and prices carry portfolio_id (hks's version 2 or later, or the prototype's own version 2).</summary>
    public bool IsMultiPortfolio => Shape is SchemaShape.MultiPortfolio or SchemaShape.PrototypeMultiPortfolio;

    public string Label => Shape switch
    {
        SchemaShape.Empty => "empty",
        SchemaShape.SinglePortfolio => "v1 (single-portfolio)",
        SchemaShape.Transitional => "transitional (v1 with the prototype's multi-portfolio tables)",
        SchemaShape.MultiPortfolio when Version == 5 => "v5 (multi-portfolio with market data, signals, overlays and the activity ledger)",
        SchemaShape.MultiPortfolio when Version == 4 => "v4 (multi-portfolio with market data, signals and the positions' overlays)",
        SchemaShape.MultiPortfolio when Version == 3 => "v3 (multi-portfolio with market data and signals)",
        SchemaShape.MultiPortfolio => "v2 (multi-portfolio)",
        SchemaShape.PrototypeMultiPortfolio => "the prototype's v2 (its migration_v1_to_v2.sql: nullable portfolio_id, UNIQUE(symbol) kept)",
        _ => "unknown",
    };
}
