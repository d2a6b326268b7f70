namespace HkStrategy.Data.Status;

/// <summary>The SQL behind <c>hks db status</c>; each runs only where the tables it reads exist.</summary>
internal static class StatusQueries
{
    /// <summary>Exact row counts of every table in public and hks_archive, in one round trip.</summary>
    public const string TableCounts = """
        SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS "Name",
               (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint AS "Rows"
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('public', 'hks_archive', 'hks_archive_extras', 'hks_archive_v3', 'hks_archive_v4', 'hks_archive_v5', 'hks_archive_v6', 'hks_orphaned') AND c.relkind IN ('r', 'p')
        ORDER BY n.nspname DESC, c.relname
        """;

    public const string PublicRelations = """
        SELECT c.relname AS "Name", CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END AS "Kind"
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
        ORDER BY c.relname
        """;

    public const string Portfolios = """
        SELECT p.portfolio_id AS "PortfolioId", p.name AS "Name", COUNT(pp.id)::int AS "Positions",
               COALESCE(SUM(pp.market_value), 0) AS "MarketValue"
        FROM portfolios p LEFT JOIN portfolio_positions pp ON pp.portfolio_id = p.portfolio_id
        GROUP BY p.portfolio_id, p.name, p.created_at
        ORDER BY p.created_at NULLS LAST, p.portfolio_id
        """;

    public const string PositionTotals =
        """SELECT COUNT(*)::int AS "Positions", COALESCE(SUM(market_value), 0) AS "MarketValue" FROM portfolio_positions""";

    public const string PortfolioCount = "SELECT COUNT(*)::int FROM portfolios";

    public const string NullPortfolioIds = """
        SELECT 'portfolio_positions' AS "Name", COUNT(*) AS "Rows" FROM portfolio_positions WHERE portfolio_id IS NULL
        UNION ALL SELECT 'trading_signals', COUNT(*) FROM trading_signals WHERE portfolio_id IS NULL
        UNION ALL SELECT 'price_history', COUNT(*) FROM price_history WHERE portfolio_id IS NULL
        """;

    public const string Orphans = """
        SELECT 'positions without a portfolio' AS "Name", COUNT(*) AS "Rows" FROM portfolio_positions pp
            WHERE pp.portfolio_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = pp.portfolio_id)
        UNION ALL SELECT 'signals without a position', COUNT(*) FROM trading_signals s
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions pp WHERE pp.portfolio_id = s.portfolio_id AND pp.symbol = s.symbol)
        UNION ALL SELECT 'price rows without a position', COUNT(*) FROM price_history h
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions pp WHERE pp.portfolio_id = h.portfolio_id AND pp.symbol = h.symbol)
        """;

    public const string HoldingsWithoutPositions = """
        SELECT h.portfolio_id AS "PortfolioId", COUNT(*)::int AS "Holdings"
        FROM portfolio_holdings h
        WHERE h.portfolio_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM portfolio_positions pp WHERE pp.portfolio_id = h.portfolio_id)
        GROUP BY h.portfolio_id ORDER BY h.portfolio_id
        """;

    public const string DemoSeeded = """
        SELECT max(at) FROM hks_meta.schema_history WHERE event = 'demo seeded'
        """;
}
