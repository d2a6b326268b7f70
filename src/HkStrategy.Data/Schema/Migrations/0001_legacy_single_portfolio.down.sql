-- Back to an empty database: allowed only when there is nothing to lose.
DO $$
BEGIN
    IF to_regnamespace('hks_archive') IS NOT NULL THEN
        RAISE EXCEPTION 'the schema hks_archive holds what a rollback to version 1 archived; it depends on version 1''s tables'
            USING ERRCODE = 'P0004', HINT = 'hks_would_lose_data';
    END IF;
    IF EXISTS (SELECT 1 FROM portfolio_positions) OR EXISTS (SELECT 1 FROM trading_signals)
       OR EXISTS (SELECT 1 FROM price_history) OR EXISTS (SELECT 1 FROM portfolio_analyses) THEN
        RAISE EXCEPTION 'version 1 still holds data: removing its tables would lose it'
            USING ERRCODE = 'P0004', HINT = 'hks_would_lose_data';
    END IF;
END $$;

DROP TABLE portfolio_value_history;
DROP TABLE portfolio_analyses;
DROP TABLE price_history;
DROP TABLE trading_signals;
DROP TABLE portfolio_positions;
