namespace HkStrategy.Data.Schema;

/// <summary>
/// The columns of the tables that are copied whole (portfolio copy, selective restore, diff, export), in table order:
/// the one place a new column is added. A test compares each list with information_schema at the latest version, and
/// the copies are written from these lists, so a new column cannot be dropped by one of them unnoticed.
/// </summary>
public static class TableColumns
{
    /// <summary>portfolio_positions: version 1's columns (the seed's), then version 2's portfolio_id.</summary>
    public static IReadOnlyList<string> PortfolioPositions { get; } =
        ["id", "symbol", "company_name", "quantity", "avg_cost", "current_price", "market_value", "unrealized_pnl", "sector", "last_updated", "portfolio_id"];

    /// <summary>What the server makes of a position by itself: its serial id and the generated market value and P&amp;L.</summary>
    public static IReadOnlyList<string> PositionDerived { get; } = ["id", "market_value", "unrealized_pnl"];

    /// <summary>The columns a position is written with besides its key (portfolio_id, symbol): copies and restores carry all of them.</summary>
    public static IReadOnlyList<string> PositionValues { get; } =
        [.. PortfolioPositions.Where(c => c is not ("portfolio_id" or "symbol") && !PositionDerived.Contains(c))];

    /// <summary>What the user holds, the values a diff compares: every value but when it was last written.</summary>
    public static IReadOnlyList<string> PositionContent { get; } = [.. PositionValues.Where(c => c != "last_updated")];

    /// <summary>position_rules: the key (portfolio_id, symbol), the rules, updated_at.</summary>
    public static IReadOnlyList<string> PositionRules { get; } =
        ["portfolio_id", "symbol", "target_sell", "stop_loss", "add_zone_low", "add_zone_high", "updated_at", "trim_min", "tactical_stop", "buy_only"];

    /// <summary>The columns of position_rules besides its key.</summary>
    public static IReadOnlyList<string> PositionRuleValues { get; } = [.. PositionRules.Where(c => c is not ("portfolio_id" or "symbol"))];

    /// <summary>The columns, comma-separated, each with <paramref name="qualifier"/> (such as <c>x.</c>) before it.</summary>
    public static string List(IEnumerable<string> columns, string qualifier = "") => string.Join(", ", columns.Select(c => qualifier + c));
}
