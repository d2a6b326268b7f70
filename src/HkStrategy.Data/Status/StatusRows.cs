namespace HkStrategy.Data.Status;

/// <summary>A named count read by one of <see cref="StatusQueries"/>: a table's rows, an orphan kind's rows.</summary>
internal sealed record NamedCount(string Name, long Rows);

/// <summary>A relation of the public schema and what it is (table, view, materialized view).</summary>
internal sealed record PublicRelation(string Name, string Kind);

/// <summary>How many positions the database holds and their market value.</summary>
internal sealed record PositionTotals(int Positions, decimal MarketValue);

/// <summary>A portfolio that has holdings but no positions.</summary>
internal sealed record HoldingsOnly(string PortfolioId, int Holdings);
