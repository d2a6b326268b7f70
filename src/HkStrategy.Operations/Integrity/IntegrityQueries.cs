namespace HkStrategy.Operations.Integrity;

/// <summary>The SQL of <c>hks check</c>, including the seed document's Data Integrity Verification query verbatim.</summary>
internal static class IntegrityQueries
{
    public const string SeedIntegrity = """
        SELECT 
            'Portfolio Summary' as check_type,
            COUNT(*) as count,
            ROUND(SUM(market_value), 2) as total_value
        FROM portfolio_positions

        UNION ALL

        SELECT 
            'Portfolio Count' as check_type,
            COUNT(*) as count,
            0 as total_value
        FROM portfolios

        UNION ALL

        SELECT 
            'Trading Signals' as check_type, 
            COUNT(*) as count,
            0 as total_value
        FROM trading_signals

        ORDER BY check_type;
        """;

    public const string Orphans = """
        SELECT 'positions whose portfolio does not exist' AS "What", COUNT(*) AS "Rows" FROM portfolio_positions pp
            WHERE pp.portfolio_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = pp.portfolio_id)
        UNION ALL SELECT 'signals without their position', COUNT(*) FROM trading_signals s
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions pp WHERE pp.portfolio_id = s.portfolio_id AND pp.symbol = s.symbol)
        UNION ALL SELECT 'price rows without their position', COUNT(*) FROM price_history h
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions pp WHERE pp.portfolio_id = h.portfolio_id AND pp.symbol = h.symbol)
        UNION ALL SELECT 'value history rows without their analysis', COUNT(*) FROM portfolio_value_history v
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_analyses a WHERE a.id = v.analysis_id)
        UNION ALL SELECT 'holdings whose portfolio does not exist', COUNT(*) FROM portfolio_holdings h
            WHERE h.portfolio_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = h.portfolio_id)
        """;

    public const string NullPortfolioIds = """
        SELECT 'portfolio_positions' AS "What", COUNT(*) AS "Rows" FROM portfolio_positions WHERE portfolio_id IS NULL
        UNION ALL SELECT 'trading_signals', COUNT(*) FROM trading_signals WHERE portfolio_id IS NULL
        UNION ALL SELECT 'price_history', COUNT(*) FROM price_history WHERE portfolio_id IS NULL
        """;

    public const string GeneratedColumns = """
        SELECT COUNT(*) FROM portfolio_positions
        WHERE market_value IS DISTINCT FROM ROUND(quantity * current_price, 2)
           OR unrealized_pnl IS DISTINCT FROM ROUND((current_price - avg_cost) * quantity, 2)
        """;

    /// <summary>Every serial column in public with its sequence's last value and the column's maximum.</summary>
    public const string Sequences = """
        SELECT c.relname AS "Table", a.attname AS "Column", s.seq AS "Sequence",
               COALESCE(pg_sequence_last_value(s.seq::regclass), 0) AS "LastValue",
               (xpath('/row/m/text()', query_to_xml(format('SELECT COALESCE(MAX(%I), 0) AS m FROM public.%I', a.attname, c.relname), false, true, '')))[1]::text::bigint AS "MaxId"
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        CROSS JOIN LATERAL (SELECT pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS seq) s
        WHERE c.relkind = 'r' AND s.seq IS NOT NULL
        ORDER BY 1
        """;

    public const string Views = """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') ORDER BY 1
        """;

    /// <summary>Positions whose quantity or average cost is not what the ledger's last share-changing activity left (version 5).</summary>
    public const string LedgerDisagreements = """
        WITH last AS (
            SELECT DISTINCT ON (portfolio_id, symbol) portfolio_id, symbol, position_quantity, position_avg_cost FROM activities
            WHERE symbol IS NOT NULL AND position_quantity IS NOT NULL AND (@portfolioId::text IS NULL OR portfolio_id = @portfolioId)
            ORDER BY portfolio_id, symbol, trade_date DESC, id DESC)
        SELECT COALESCE(p.portfolio_id, l.portfolio_id) AS "PortfolioId", COALESCE(p.symbol, l.symbol) AS "Symbol",
               p.quantity AS "Quantity", p.avg_cost AS "AverageCost", l.position_quantity AS "LedgerQuantity", l.position_avg_cost AS "LedgerAverageCost"
        FROM (SELECT * FROM portfolio_positions WHERE portfolio_id IN (SELECT portfolio_id FROM portfolios) AND (@portfolioId::text IS NULL OR portfolio_id = @portfolioId)) p
        FULL JOIN last l ON l.portfolio_id = p.portfolio_id AND l.symbol = p.symbol
        WHERE (p.symbol IS NULL AND l.position_quantity > 0)
           OR (p.symbol IS NOT NULL AND (l.symbol IS NULL OR l.position_quantity <> p.quantity OR (p.quantity > 0 AND l.position_avg_cost <> p.avg_cost)))
        ORDER BY 1, 2
        """;
}
