-- Before the prototype's version 2 is normalised: what its later scripts took away or reshaped comes back, announced.
--   remove_old_analysis_tables.sql dropped portfolio_analyses (a version-1 table), the dashboard's four analysis tables
--   and their views, and so left value history rows without their analysis;
--   create_new_analysis_schema.sql, run after it, made a portfolio_analyses of another shape.
-- Run when adopting any of the prototype's shapes (v1, transitional, its version 2) that needs it.
-- Nothing is dropped: a reshaped table is kept under another name, orphaned rows move to the schema hks_orphaned.

DO $$
DECLARE
    moved BIGINT;
BEGIN
    -- 1. A portfolio_analyses of another shape (no name column) is kept as prototype_analyses, rows, keys and all.
    IF to_regclass('public.portfolio_analyses') IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('public.portfolio_analyses') AND attname = 'name' AND NOT attisdropped) THEN
        IF to_regclass('public.prototype_analyses') IS NOT NULL THEN
            RAISE EXCEPTION 'portfolio_analyses has the shape of the prototype''s create_new_analysis_schema.sql and prototype_analyses, where hks would keep it, exists already: rename one of them, then adopt again';
        END IF;
        SELECT COUNT(*) INTO moved FROM portfolio_analyses;
        ALTER TABLE portfolio_analyses RENAME TO prototype_analyses;
        RAISE NOTICE 'hks: portfolio_analyses in the shape of the prototype''s create_new_analysis_schema.sql kept as prototype_analyses (% row(s))', moved;
    END IF;

    -- 2. portfolio_analyses as version 1 has it, empty, its ids after any a value history row names.
    IF to_regclass('public.portfolio_analyses') IS NULL THEN
        CREATE TABLE portfolio_analyses (
            id SERIAL PRIMARY KEY,
            name VARCHAR(200) NOT NULL,
            start_date DATE NOT NULL,
            end_date DATE NOT NULL,
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            user_notes TEXT,
            start_pv DECIMAL(15, 2),
            end_pv DECIMAL(15, 2),
            total_return DECIMAL(10, 4),
            max_drawdown DECIMAL(10, 4),
            volatility DECIMAL(10, 4),
            CONSTRAINT valid_date_range CHECK (end_date >= start_date),
            CONSTRAINT max_18_months CHECK (end_date <= start_date + INTERVAL '18 months')
        );
        CREATE INDEX IF NOT EXISTS idx_analyses_dates ON portfolio_analyses(start_date, end_date);
        IF EXISTS (SELECT 1 FROM portfolio_value_history) THEN
            PERFORM setval(pg_get_serial_sequence('public.portfolio_analyses', 'id'), (SELECT MAX(analysis_id) FROM portfolio_value_history));
        END IF;
        RAISE NOTICE 'hks: portfolio_analyses (dropped by the prototype''s remove_old_analysis_tables.sql) created again, empty';
    END IF;

    -- 3. Value history rows whose analysis is gone are kept apart, then the link the drop took with it comes back.
    IF EXISTS (SELECT 1 FROM portfolio_value_history v WHERE NOT EXISTS (SELECT 1 FROM portfolio_analyses a WHERE a.id = v.analysis_id)) THEN
        CREATE SCHEMA IF NOT EXISTS hks_orphaned;
        CREATE TABLE IF NOT EXISTS hks_orphaned.portfolio_value_history (LIKE public.portfolio_value_history);
        WITH gone AS (
            DELETE FROM portfolio_value_history v
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_analyses a WHERE a.id = v.analysis_id)
            RETURNING v.*)
        INSERT INTO hks_orphaned.portfolio_value_history SELECT * FROM gone;
        GET DIAGNOSTICS moved = ROW_COUNT;
        RAISE NOTICE 'hks: % value history row(s) of analyses the prototype dropped kept in hks_orphaned.portfolio_value_history', moved;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND conrelid = to_regclass('public.portfolio_value_history')
                   AND confrelid = to_regclass('public.portfolio_analyses')) THEN
        ALTER TABLE portfolio_value_history ADD CONSTRAINT portfolio_value_history_analysis_id_fkey
            FOREIGN KEY (analysis_id) REFERENCES portfolio_analyses(id) ON DELETE CASCADE;
        RAISE NOTICE 'hks: portfolio_value_history is tied to portfolio_analyses again';
    END IF;
END $$;
