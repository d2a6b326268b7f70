-- Adopting the prototype's version 2: its dashboard's tables that are missing (its migration_v1_to_v2.sql run on a
-- database the dashboard never opened, or its remove_old_analysis_tables.sql) are created next, empty, with their views,
-- by version 2's own statements. Said first.
DO $$
DECLARE
    missing TEXT;
BEGIN
    SELECT string_agg(name, ', ') INTO missing FROM unnest(
        ARRAY['portfolio_holdings', 'strategies', 'equity_strategy_analyses', 'portfolio_analysis_equities',
              'portfolio_analysis_equity_strategies', 'strategy_signals']) AS t(name)
    WHERE to_regclass('public.' || name) IS NULL;
    IF missing IS NOT NULL THEN
        RAISE NOTICE 'hks: the prototype dashboard''s tables % created, empty, with its views', missing;
    END IF;
END $$;
