-- Back to version 1 without losing anything. Version 1 holds one portfolio's rows (hks.keep_portfolio);
-- every other portfolio's rows, the portfolio_id values and the multi-portfolio tables move to the schema
-- hks_archive, from which migrating up again brings them back exactly.
DO $$
DECLARE
    keep VARCHAR(50) := NULLIF(current_setting('hks.keep_portfolio', true), '');
BEGIN
    IF keep IS NULL AND NOT EXISTS (SELECT 1 FROM portfolio_positions) AND NOT EXISTS (SELECT 1 FROM trading_signals)
       AND NOT EXISTS (SELECT 1 FROM price_history) THEN
        NULL; -- no rows to keep: any (or no) portfolio will do
    ELSIF keep IS NULL OR NOT EXISTS (SELECT 1 FROM portfolios WHERE portfolio_id = keep) THEN
        RAISE EXCEPTION 'the portfolio to keep in version 1 (%) does not exist', COALESCE(keep, 'none given')
            USING ERRCODE = 'P0004', HINT = 'hks_keep_portfolio_missing';
    END IF;
    IF EXISTS (SELECT 1 FROM portfolio_positions WHERE portfolio_id IS NULL)
       OR EXISTS (SELECT 1 FROM trading_signals WHERE portfolio_id IS NULL)
       OR EXISTS (SELECT 1 FROM price_history WHERE portfolio_id IS NULL) THEN
        RAISE EXCEPTION 'rows without a portfolio_id could not be told apart from the kept portfolio''s rows'
            USING ERRCODE = 'P0004', HINT = 'hks_null_portfolio_ids';
    END IF;
    IF to_regnamespace('hks_archive') IS NOT NULL THEN
        RAISE EXCEPTION 'the schema hks_archive already exists: an earlier rollback archive would be mixed with this one'
            USING ERRCODE = 'P0004', HINT = 'hks_archive_exists';
    END IF;
END $$;

-- Columns of the position, signal and price tables that no version of hks makes (the prototype's
-- strategic_signal_final_migration.sql added four to trading_signals; a user may add their own): the values of the
-- archived rows go to hks_archive_extras (a table per table, by id), and 0002_multi_portfolio.return.sql puts them back.
DO $$
DECLARE
    moved text;
    extra text;
BEGIN
    IF to_regnamespace('hks_archive_extras') IS NOT NULL THEN
        RAISE EXCEPTION 'the schema hks_archive_extras already exists: an earlier rollback archive would be mixed with this one'
            USING ERRCODE = 'P0004', HINT = 'hks_archive_exists';
    END IF;
    FOREACH moved IN ARRAY ARRAY['portfolio_positions', 'trading_signals', 'price_history']
    LOOP
        SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) INTO extra
        FROM pg_attribute a
        WHERE a.attrelid = ('public.' || moved)::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
          AND a.attname <> ALL (CASE moved
              WHEN 'portfolio_positions' THEN ARRAY['id', 'portfolio_id', 'symbol', 'company_name', 'quantity', 'avg_cost', 'current_price', 'sector', 'last_updated']
              WHEN 'trading_signals' THEN ARRAY['id', 'portfolio_id', 'symbol', 'signal_type', 'signal_strength', 'price', 'volume', 'rsi', 'ma_5', 'ma_20', 'ma_50', 'bollinger_upper', 'bollinger_lower', 'created_at']
              ELSE ARRAY['id', 'portfolio_id', 'symbol', 'price', 'volume', 'high', 'low', 'open_price', 'close_price', 'timestamp'] END);
        IF extra IS NOT NULL THEN
            CREATE SCHEMA IF NOT EXISTS hks_archive_extras;
            EXECUTE format('CREATE TABLE hks_archive_extras.%I AS SELECT id, %s FROM public.%I WHERE portfolio_id <> %L',
                moved, extra, moved, COALESCE(current_setting('hks.keep_portfolio', true), ''));
        END IF;
    END LOOP;
    -- Such a column required and without a default would stop version 2's up script from putting the archived rows back
    -- before the return script fills it in: it is not required while archived rows wait, and required again after.
    CREATE SCHEMA IF NOT EXISTS hks_archive_extras;
    CREATE TABLE hks_archive_extras.required (table_name text, column_name text);
    INSERT INTO hks_archive_extras.required
    SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute x ON x.attrelid = to_regclass('hks_archive_extras.' || quote_ident(c.relname)) AND x.attname = a.attname
    WHERE n.nspname = 'public' AND c.relname IN ('portfolio_positions', 'trading_signals', 'price_history')
      AND a.attnum > 0 AND NOT a.attisdropped AND x.attnum > 0 AND a.attnotnull AND NOT a.atthasdef AND a.attname <> 'id';
    FOR moved, extra IN SELECT table_name, column_name FROM hks_archive_extras.required
    LOOP
        EXECUTE format('ALTER TABLE public.%I ALTER COLUMN %I DROP NOT NULL', moved, extra);
    END LOOP;
END $$;

CREATE SCHEMA hks_archive;
CREATE TABLE hks_archive.rollback_info AS
SELECT NULLIF(current_setting('hks.keep_portfolio', true), '')::VARCHAR(50) AS keep_portfolio, now() AS rolled_back_at;
CREATE TABLE hks_archive.portfolio_positions AS
SELECT id, portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated
FROM portfolio_positions WHERE portfolio_id <> COALESCE(current_setting('hks.keep_portfolio', true), '');
CREATE TABLE hks_archive.trading_signals AS
SELECT id, portfolio_id, symbol, signal_type, signal_strength, price, volume, rsi, ma_5, ma_20, ma_50,
       bollinger_upper, bollinger_lower, created_at
FROM trading_signals WHERE portfolio_id <> COALESCE(current_setting('hks.keep_portfolio', true), '');
CREATE TABLE hks_archive.price_history AS
SELECT id, portfolio_id, symbol, price, volume, high, low, open_price, close_price, "timestamp"
FROM price_history WHERE portfolio_id <> COALESCE(current_setting('hks.keep_portfolio', true), '');
CREATE TABLE hks_archive.analysis_portfolios AS
SELECT id, portfolio_id FROM portfolio_analyses WHERE portfolio_id IS NOT NULL;

DELETE FROM trading_signals WHERE portfolio_id <> COALESCE(current_setting('hks.keep_portfolio', true), '');
DELETE FROM price_history WHERE portfolio_id <> COALESCE(current_setting('hks.keep_portfolio', true), '');
DELETE FROM portfolio_positions WHERE portfolio_id <> COALESCE(current_setting('hks.keep_portfolio', true), '');

-- Indexes on portfolio_id that hks does not make (the prototype's) go with the column, and the per-portfolio summary
-- view is dropped: their definitions are kept in hks_archive_extras.definitions for the return script to make again.
CREATE SCHEMA IF NOT EXISTS hks_archive_extras;
CREATE TABLE hks_archive_extras.definitions AS
SELECT 'index'::text AS kind, i.relname::text AS name, pg_get_indexdef(x.indexrelid) AS definition
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public' AND t.relname IN ('portfolio_positions', 'trading_signals', 'price_history', 'portfolio_analyses')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
  AND i.relname NOT IN ('idx_portfolio_positions_portfolio_id', 'idx_trading_signals_portfolio_symbol',
                        'idx_price_history_portfolio_symbol_timestamp', 'idx_portfolio_analyses_portfolio_id')
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'portfolio_id' AND a.attnum = ANY (x.indkey))
UNION ALL
SELECT 'view', 'portfolio_summary', pg_get_viewdef('public.portfolio_summary'::regclass)
WHERE to_regclass('public.portfolio_summary') IS NOT NULL;
DROP VIEW IF EXISTS portfolio_summary; -- the prototype made it; a user may have dropped it
DROP INDEX idx_portfolio_positions_portfolio_id, idx_trading_signals_portfolio_symbol,
    idx_price_history_portfolio_symbol_timestamp, idx_portfolio_analyses_portfolio_id;
ALTER TABLE trading_signals DROP CONSTRAINT trading_signals_portfolio_id_fkey;
ALTER TABLE price_history DROP CONSTRAINT price_history_portfolio_id_fkey;
ALTER TABLE portfolio_positions DROP CONSTRAINT portfolio_positions_portfolio_id_fkey;
ALTER TABLE portfolio_positions DROP CONSTRAINT portfolio_positions_portfolio_id_symbol_key;
ALTER TABLE portfolio_positions ADD CONSTRAINT portfolio_positions_symbol_key UNIQUE (symbol);
ALTER TABLE trading_signals ADD CONSTRAINT trading_signals_symbol_fkey
    FOREIGN KEY (symbol) REFERENCES portfolio_positions(symbol) ON DELETE CASCADE;
ALTER TABLE price_history ADD CONSTRAINT price_history_symbol_fkey
    FOREIGN KEY (symbol) REFERENCES portfolio_positions(symbol) ON DELETE CASCADE;
ALTER TABLE portfolio_positions DROP COLUMN portfolio_id;
ALTER TABLE trading_signals DROP COLUMN portfolio_id;
ALTER TABLE price_history DROP COLUMN portfolio_id;
ALTER TABLE portfolio_analyses DROP COLUMN portfolio_id;

-- The multi-portfolio objects move whole (rows, constraints, triggers, sequences) into the archive.
DO $$
DECLARE
    moved text;
BEGIN
    FOREACH moved IN ARRAY ARRAY['equity_cross_portfolio_performance', 'portfolio_analysis_equity_summary',
        'strategy_performance_summary']
    LOOP
        IF to_regclass('public.' || moved) IS NOT NULL THEN
            EXECUTE format('ALTER VIEW public.%I SET SCHEMA hks_archive', moved);
        END IF;
    END LOOP;
    FOREACH moved IN ARRAY ARRAY['portfolios', 'portfolio_holdings', 'strategies', 'equity_strategy_analyses',
        'portfolio_analysis_equities', 'portfolio_analysis_equity_strategies', 'strategy_signals']
    LOOP
        IF to_regclass('public.' || moved) IS NOT NULL THEN
            EXECUTE format('ALTER TABLE public.%I SET SCHEMA hks_archive', moved);
        END IF;
    END LOOP;
    IF to_regprocedure('public.update_strategy_timestamp()') IS NOT NULL THEN
        ALTER FUNCTION public.update_strategy_timestamp() SET SCHEMA hks_archive;
    END IF;
END $$;
