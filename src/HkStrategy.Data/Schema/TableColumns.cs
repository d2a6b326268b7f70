namespace HkStrategy.Data.Schema;

/// <summary>
/// The columns of the tables that are copied whole (portfolio copy, selective restore), in table order: the one place a
/// new column is added. A test compares each list with information_schema at the latest version, and the copies are
/// written from these lists, so a new column cannot be dropped by one of them unnoticed.
/// </summary>
public static class TableColumns
{
    /// <summary>position_rules: the key (portfolio_id, symbol), the rules, updated_at.</summary>
    public static IReadOnlyList<string> PositionRules { get; } =
        ["portfolio_id", "symbol", "target_sell", "stop_loss", "add_zone_low", "add_zone_high", "updated_at", "trim_min", "tactical_stop", "buy_only"];

    /// <summary>The columns of position_rules besides its key.</summary>
    public static IReadOnlyList<string> PositionRuleValues { get; } = [.. PositionRules.Where(c => c is not ("portfolio_id" or "symbol"))];

    /// <summary>The columns, comma-separated, each with <paramref name="qualifier"/> (such as <c>x.</c>) before it.</summary>
    public static string List(IEnumerable<string> columns, string qualifier = "") => string.Join(", ", columns.Select(c => qualifier + c));
}
