-- Adopts the prototype's own version 2 (its migration_v1_to_v2.sql on the transitional shape) as hks's version 2.
-- Every row is kept; only what hks's version 2 needs is changed, and each change is announced (NOTICE 'hks: …').
-- Kept as they are: the prototype's indexes, its portfolio_summary view, check_migration_status() and its rows.
-- Settings read: hks.legacy_portfolio (where rows without a portfolio go; empty = the oldest portfolio, else DEFAULT).

DO $$
DECLARE
    target VARCHAR(50) := NULLIF(current_setting('hks.legacy_portfolio', true), '');
    moved BIGINT;
    aligned BIGINT;
BEGIN
    -- 1. Rows without a portfolio (written by the prototype's single-portfolio code after its migration).
    IF EXISTS (SELECT 1 FROM portfolio_positions WHERE portfolio_id IS NULL)
       OR EXISTS (SELECT 1 FROM trading_signals WHERE portfolio_id IS NULL)
       OR EXISTS (SELECT 1 FROM price_history WHERE portfolio_id IS NULL) THEN
        IF target IS NULL THEN
            SELECT portfolio_id INTO target FROM portfolios ORDER BY created_at NULLS LAST, portfolio_id LIMIT 1;
        END IF;
        target := COALESCE(target, 'DEFAULT');
        INSERT INTO portfolios (portfolio_id, name, description)
        VALUES (target, 'Legacy Portfolio', 'Positions carried over from the single-portfolio schema')
        ON CONFLICT (portfolio_id) DO NOTHING;
        UPDATE portfolio_positions SET portfolio_id = target WHERE portfolio_id IS NULL;
        GET DIAGNOSTICS moved = ROW_COUNT;
        RAISE NOTICE 'hks: % position(s) without a portfolio now belong to %', moved, target;
        UPDATE trading_signals SET portfolio_id = target WHERE portfolio_id IS NULL;
        GET DIAGNOSTICS moved = ROW_COUNT;
        RAISE NOTICE 'hks: % signal(s) without a portfolio now belong to %', moved, target;
        UPDATE price_history SET portfolio_id = target WHERE portfolio_id IS NULL;
        GET DIAGNOSTICS moved = ROW_COUNT;
        RAISE NOTICE 'hks: % price row(s) without a portfolio now belong to %', moved, target;
    END IF;

    -- 2. Portfolio ids that rows name but no portfolio row has: the portfolio row is created (nothing is dropped).
    WITH named AS (
        SELECT portfolio_id FROM portfolio_positions UNION SELECT portfolio_id FROM trading_signals UNION SELECT portfolio_id FROM price_history),
    created AS (
        INSERT INTO portfolios (portfolio_id, name, description)
        SELECT n.portfolio_id, n.portfolio_id, 'Named by rows of the prototype; created when hks adopted the database'
        FROM named n WHERE NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = n.portfolio_id)
        RETURNING portfolio_id)
    SELECT COUNT(*) INTO moved FROM created;
    IF moved > 0 THEN
        RAISE NOTICE 'hks: % portfolio row(s) created for ids the prototype''s rows named', moved;
    END IF;

    -- 3. Signals and prices belong to the portfolio of their position (the prototype tied them by symbol alone,
    --    which it kept unique, so each symbol's position is one).
    UPDATE trading_signals s SET portfolio_id = p.portfolio_id FROM portfolio_positions p
    WHERE p.symbol = s.symbol AND s.portfolio_id IS DISTINCT FROM p.portfolio_id;
    GET DIAGNOSTICS aligned = ROW_COUNT;
    IF aligned > 0 THEN
        RAISE NOTICE 'hks: % signal(s) moved to the portfolio of their position', aligned;
    END IF;
    UPDATE price_history h SET portfolio_id = p.portfolio_id FROM portfolio_positions p
    WHERE p.symbol = h.symbol AND h.portfolio_id IS DISTINCT FROM p.portfolio_id;
    GET DIAGNOSTICS aligned = ROW_COUNT;
    IF aligned > 0 THEN
        RAISE NOTICE 'hks: % price row(s) moved to the portfolio of their position', aligned;
    END IF;
END $$;

-- 4. hks's keys: portfolio_id required; positions unique per portfolio and symbol; signals and prices tied to their
--    position by portfolio and symbol, positions to their portfolio; analyses may name a portfolio.
DO $$
BEGIN
    ALTER TABLE portfolio_positions ALTER COLUMN portfolio_id SET NOT NULL;
    ALTER TABLE trading_signals ALTER COLUMN portfolio_id SET NOT NULL;
    ALTER TABLE price_history ALTER COLUMN portfolio_id SET NOT NULL;
    RAISE NOTICE 'hks: portfolio_id is now required on portfolio_positions, trading_signals and price_history';
    ALTER TABLE trading_signals DROP CONSTRAINT IF EXISTS trading_signals_symbol_fkey;
    ALTER TABLE price_history DROP CONSTRAINT IF EXISTS price_history_symbol_fkey;
    ALTER TABLE portfolio_positions DROP CONSTRAINT IF EXISTS portfolio_positions_symbol_key;
    RAISE NOTICE 'hks: UNIQUE(symbol) on portfolio_positions and the symbol-only foreign keys of trading_signals and price_history dropped';
    ALTER TABLE portfolio_positions ADD CONSTRAINT portfolio_positions_portfolio_id_symbol_key UNIQUE (portfolio_id, symbol);
    ALTER TABLE portfolio_positions ADD CONSTRAINT portfolio_positions_portfolio_id_fkey
        FOREIGN KEY (portfolio_id) REFERENCES portfolios(portfolio_id) ON DELETE CASCADE;
    ALTER TABLE trading_signals ADD CONSTRAINT trading_signals_portfolio_id_fkey
        FOREIGN KEY (portfolio_id, symbol) REFERENCES portfolio_positions(portfolio_id, symbol) ON DELETE CASCADE;
    ALTER TABLE price_history ADD CONSTRAINT price_history_portfolio_id_fkey
        FOREIGN KEY (portfolio_id, symbol) REFERENCES portfolio_positions(portfolio_id, symbol) ON DELETE CASCADE;
    RAISE NOTICE 'hks: UNIQUE (portfolio_id, symbol) on portfolio_positions and foreign keys by portfolio and symbol added';
    ALTER TABLE portfolio_analyses ADD COLUMN portfolio_id VARCHAR(50);
    ALTER TABLE portfolio_analyses ADD CONSTRAINT portfolio_analyses_portfolio_id_fkey
        FOREIGN KEY (portfolio_id) REFERENCES portfolios(portfolio_id) ON DELETE SET NULL;
    RAISE NOTICE 'hks: portfolio_analyses.portfolio_id added (empty: the prototype''s analyses named no portfolio)';
END $$;

-- 5. hks's indexes where the prototype has none of the same name (its own are kept).
CREATE INDEX IF NOT EXISTS idx_portfolio_positions_portfolio_id ON portfolio_positions(portfolio_id);
CREATE INDEX IF NOT EXISTS idx_trading_signals_portfolio_symbol ON trading_signals(portfolio_id, symbol);
CREATE INDEX IF NOT EXISTS idx_price_history_portfolio_symbol_timestamp ON price_history(portfolio_id, symbol, "timestamp" DESC);
CREATE INDEX IF NOT EXISTS idx_portfolio_analyses_portfolio_id ON portfolio_analyses(portfolio_id);
