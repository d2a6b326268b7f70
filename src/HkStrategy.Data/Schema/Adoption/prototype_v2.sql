-- Adopts the prototype's own version 2 (its migration_v1_to_v2.sql on the transitional shape) as hks's version 2.
-- Every row is kept; only what hks's version 2 needs is changed, and each change is announced (NOTICE 'hks: …').
-- Kept as they are: the prototype's indexes, its portfolio_summary view, check_migration_status() and its rows.
-- Settings read: hks.legacy_portfolio (where rows without a portfolio go; empty = the oldest portfolio, else DEFAULT).

SET LOCAL client_min_messages = notice; -- the changes are announced as notices: none may be filtered out

DO $$
DECLARE
    target VARCHAR(50) := NULLIF(current_setting('hks.legacy_portfolio', true), '');
    moved BIGINT;
BEGIN
    -- 1. Positions without a portfolio (written by the prototype's single-portfolio code after its migration) go to
    --    the portfolio asked for, else the oldest, else a new DEFAULT "Legacy Portfolio".
    IF EXISTS (SELECT 1 FROM portfolio_positions WHERE portfolio_id IS NULL) THEN
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
    END IF;

    -- 2. Signals and prices belong to the portfolio of their position. One whose portfolio holds no position of its
    --    symbol (or that has no portfolio) moves to the portfolio of the one position holding that symbol; a symbol held
    --    in several portfolios is never guessed: the adoption then stops below, naming it.
    UPDATE trading_signals s SET portfolio_id = p.portfolio_id FROM portfolio_positions p
    WHERE p.symbol = s.symbol
      AND NOT EXISTS (SELECT 1 FROM portfolio_positions q WHERE q.portfolio_id = s.portfolio_id AND q.symbol = s.symbol)
      AND (SELECT COUNT(*) FROM portfolio_positions r WHERE r.symbol = s.symbol) = 1;
    GET DIAGNOSTICS moved = ROW_COUNT;
    IF moved > 0 THEN
        RAISE NOTICE 'hks: % signal(s) moved to the portfolio of their position', moved;
    END IF;
    UPDATE price_history h SET portfolio_id = p.portfolio_id FROM portfolio_positions p
    WHERE p.symbol = h.symbol
      AND NOT EXISTS (SELECT 1 FROM portfolio_positions q WHERE q.portfolio_id = h.portfolio_id AND q.symbol = h.symbol)
      AND (SELECT COUNT(*) FROM portfolio_positions r WHERE r.symbol = h.symbol) = 1;
    GET DIAGNOSTICS moved = ROW_COUNT;
    IF moved > 0 THEN
        RAISE NOTICE 'hks: % price row(s) moved to the portfolio of their position', moved;
    END IF;
    IF EXISTS (SELECT 1 FROM trading_signals s WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = s.portfolio_id AND p.symbol = s.symbol))
       OR EXISTS (SELECT 1 FROM price_history h WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = h.portfolio_id AND p.symbol = h.symbol)) THEN
        RAISE EXCEPTION 'signals or prices of % belong to no position of their portfolio, and the symbol is held in several portfolios or in none: say which portfolio they belong to by setting their portfolio_id, then adopt again',
            (SELECT string_agg(DISTINCT symbol, ', ') FROM (
                SELECT symbol FROM trading_signals s WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = s.portfolio_id AND p.symbol = s.symbol)
                UNION SELECT symbol FROM price_history h WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = h.portfolio_id AND p.symbol = h.symbol)) x);
    END IF;

    -- 3. Portfolio ids that positions name but no portfolio row has: the portfolio row is created (nothing is dropped).
    WITH created AS (
        INSERT INTO portfolios (portfolio_id, name, description)
        SELECT DISTINCT p.portfolio_id, p.portfolio_id, 'Named by rows of the prototype; created when hks adopted the database'
        FROM portfolio_positions p WHERE NOT EXISTS (SELECT 1 FROM portfolios x WHERE x.portfolio_id = p.portfolio_id)
        RETURNING portfolio_id)
    SELECT COUNT(*) INTO moved FROM created;
    IF moved > 0 THEN
        RAISE NOTICE 'hks: % portfolio row(s) created for ids the prototype''s positions named', moved;
    END IF;
END $$;

-- 4. hks's keys: portfolio_id required; positions unique per portfolio and symbol; signals and prices tied to their
--    position by portfolio and symbol, positions to their portfolio; analyses may name a portfolio.
DO $$
DECLARE
    dropped record;
BEGIN
    -- Portfolios keyed by portfolio_id (the migration run without the dashboard made a serial id the key: the column stays).
    FOR dropped IN
        SELECT k.conname FROM pg_constraint k
        WHERE k.contype = 'p' AND k.conrelid = 'public.portfolios'::regclass
          AND (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)) <> ARRAY['portfolio_id']
    LOOP
        EXECUTE format('ALTER TABLE portfolios DROP CONSTRAINT %I', dropped.conname);
        ALTER TABLE portfolios ADD PRIMARY KEY (portfolio_id);
        RAISE NOTICE 'hks: portfolios is keyed by portfolio_id (its id column is kept, no longer the key)';
    END LOOP;
    ALTER TABLE portfolio_positions ALTER COLUMN portfolio_id SET NOT NULL;
    ALTER TABLE trading_signals ALTER COLUMN portfolio_id SET NOT NULL;
    ALTER TABLE price_history ALTER COLUMN portfolio_id SET NOT NULL;
    RAISE NOTICE 'hks: portfolio_id is now required on portfolio_positions, trading_signals and price_history';
    -- Found by what they are, not by name: symbol-only foreign keys to portfolio_positions, then UNIQUE(symbol).
    FOR dropped IN
        SELECT k.conrelid::regclass AS owner, k.conname FROM pg_constraint k
        WHERE k.contype = 'f' AND k.confrelid = 'public.portfolio_positions'::regclass
          AND k.conrelid IN ('public.trading_signals'::regclass, 'public.price_history'::regclass)
          AND (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)) = ARRAY['symbol']
        UNION ALL
        SELECT k.conrelid::regclass, k.conname FROM pg_constraint k
        WHERE k.contype = 'u' AND k.conrelid = 'public.portfolio_positions'::regclass
          AND (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)) = ARRAY['symbol']
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', dropped.owner, dropped.conname);
        RAISE NOTICE 'hks: % on % dropped (it ties rows by symbol alone)', dropped.conname, dropped.owner;
    END LOOP;
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
