-- Version 2: multi-portfolio. Runs on version 1, on the prototype's transitional shape (version 1 plus the
-- tables its dashboard added) and after a rollback (whose archive it brings back). Nothing is dropped.
-- Settings read: hks.legacy_portfolio (where legacy rows go; empty = oldest portfolio, else DEFAULT).

-- 1. Objects a rollback archived come back first, exactly as they were.
DO $$
DECLARE
    archived record;
BEGIN
    FOR archived IN
        SELECT name, kind FROM unnest(
            ARRAY['portfolios', 'portfolio_holdings', 'strategies', 'equity_strategy_analyses', 'portfolio_analysis_equities',
                  'portfolio_analysis_equity_strategies', 'strategy_signals', 'equity_cross_portfolio_performance',
                  'portfolio_analysis_equity_summary', 'strategy_performance_summary'],
            ARRAY['TABLE', 'TABLE', 'TABLE', 'TABLE', 'TABLE', 'TABLE', 'TABLE', 'VIEW', 'VIEW', 'VIEW']) AS moved(name, kind)
    LOOP
        IF to_regclass('hks_archive.' || archived.name) IS NOT NULL THEN
            IF to_regclass('public.' || archived.name) IS NOT NULL THEN
                RAISE EXCEPTION 'public.% was created again after the rollback, and hks_archive.% holds the archived one',
                    archived.name, archived.name
                    USING ERRCODE = 'P0004', HINT = 'hks_archive_conflict';
            END IF;
            EXECUTE format('ALTER %s hks_archive.%I SET SCHEMA public', archived.kind, archived.name);
        END IF;
    END LOOP;
    IF to_regprocedure('hks_archive.update_strategy_timestamp()') IS NOT NULL THEN
        IF to_regprocedure('public.update_strategy_timestamp()') IS NOT NULL THEN
            RAISE EXCEPTION 'public.update_strategy_timestamp() was created again after the rollback'
                USING ERRCODE = 'P0004', HINT = 'hks_archive_conflict';
        END IF;
        ALTER FUNCTION hks_archive.update_strategy_timestamp() SET SCHEMA public;
    END IF;
END $$;

-- 2. The transitional objects, where the prototype's dashboard did not create them already.
CREATE TABLE IF NOT EXISTS portfolios (
    portfolio_id VARCHAR(50) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    description TEXT,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS portfolio_holdings (
    id SERIAL PRIMARY KEY,
    portfolio_id VARCHAR(50) REFERENCES portfolios(portfolio_id) ON DELETE CASCADE,
    symbol VARCHAR(20) NOT NULL,
    company_name VARCHAR(200),
    quantity INTEGER NOT NULL DEFAULT 0,
    avg_cost DECIMAL(10,2) NOT NULL DEFAULT 0,
    sector VARCHAR(50) DEFAULT 'Other',
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (portfolio_id, symbol)
);

CREATE TABLE IF NOT EXISTS strategies (
    id SERIAL PRIMARY KEY,
    strategy_name VARCHAR(100) NOT NULL UNIQUE,
    description TEXT,
    strategy_type VARCHAR(50) NOT NULL,
    parameters JSONB DEFAULT '{}',
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    is_active BOOLEAN DEFAULT TRUE
);

CREATE TABLE IF NOT EXISTS equity_strategy_analyses (
    id SERIAL PRIMARY KEY,
    symbol VARCHAR(20) NOT NULL,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE RESTRICT,
    analysis_name VARCHAR(200) NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    initial_price DECIMAL(10,3),
    final_price DECIMAL(10,3),
    performance_data JSONB,
    total_return DECIMAL(10,4),
    volatility DECIMAL(10,4),
    max_drawdown DECIMAL(10,4),
    sharpe_ratio DECIMAL(10,4),
    sortino_ratio DECIMAL(10,4),
    win_rate DECIMAL(5,4),
    profit_factor DECIMAL(10,4),
    total_trades INTEGER DEFAULT 0,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    user_notes TEXT,
    CONSTRAINT equity_analysis_valid_dates CHECK (end_date >= start_date),
    CONSTRAINT equity_analysis_max_period CHECK (end_date <= start_date + INTERVAL '2 years')
);

CREATE TABLE IF NOT EXISTS portfolio_analysis_equities (
    id SERIAL PRIMARY KEY,
    portfolio_analysis_id INTEGER NOT NULL REFERENCES portfolio_analyses(id) ON DELETE CASCADE,
    symbol VARCHAR(20) NOT NULL,
    quantity INTEGER NOT NULL DEFAULT 0,
    avg_cost DECIMAL(10,3),
    analysis_start_price DECIMAL(10,3),
    analysis_end_price DECIMAL(10,3),
    notes TEXT,
    weight_in_portfolio DECIMAL(5,4),
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (portfolio_analysis_id, symbol)
);

CREATE TABLE IF NOT EXISTS portfolio_analysis_equity_strategies (
    id SERIAL PRIMARY KEY,
    portfolio_analysis_equity_id INTEGER NOT NULL REFERENCES portfolio_analysis_equities(id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE RESTRICT,
    parameters_override JSONB DEFAULT '{}',
    performance_metrics JSONB,
    total_return DECIMAL(10,4),
    max_drawdown DECIMAL(10,4),
    sharpe_ratio DECIMAL(10,4),
    win_rate DECIMAL(5,4),
    total_trades INTEGER DEFAULT 0,
    is_active BOOLEAN DEFAULT TRUE,
    notes TEXT,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (portfolio_analysis_equity_id, strategy_id)
);

CREATE TABLE IF NOT EXISTS strategy_signals (
    id SERIAL PRIMARY KEY,
    equity_strategy_analysis_id INTEGER NOT NULL REFERENCES equity_strategy_analyses(id) ON DELETE CASCADE,
    signal_date DATE NOT NULL,
    signal_type VARCHAR(10) NOT NULL CHECK (signal_type::text = ANY (ARRAY['BUY'::text, 'SELL'::text, 'HOLD'::text])),
    price DECIMAL(10,3) NOT NULL,
    quantity INTEGER,
    signal_strength DECIMAL(3,2),
    technical_indicators JSONB,
    notes TEXT,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

DO $$
BEGIN
    IF to_regprocedure('public.update_strategy_timestamp()') IS NULL THEN
        CREATE FUNCTION update_strategy_timestamp() RETURNS TRIGGER AS $body$
        BEGIN
            NEW.updated_at = CURRENT_TIMESTAMP;
            RETURN NEW;
        END;
        $body$ LANGUAGE plpgsql;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'update_strategies_timestamp' AND tgrelid = 'public.strategies'::regclass) THEN
        CREATE TRIGGER update_strategies_timestamp BEFORE UPDATE ON strategies
            FOR EACH ROW EXECUTE FUNCTION update_strategy_timestamp();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'update_equity_strategy_analyses_timestamp'
                   AND tgrelid = 'public.equity_strategy_analyses'::regclass) THEN
        CREATE TRIGGER update_equity_strategy_analyses_timestamp BEFORE UPDATE ON equity_strategy_analyses
            FOR EACH ROW EXECUTE FUNCTION update_strategy_timestamp();
    END IF;
    IF to_regclass('public.equity_cross_portfolio_performance') IS NULL THEN
        CREATE VIEW equity_cross_portfolio_performance AS
        SELECT e.symbol,
               COUNT(DISTINCT e.portfolio_analysis_id) AS analysis_count,
               AVG(s.total_return) AS avg_return,
               MAX(s.total_return) AS best_return,
               MIN(s.total_return) AS worst_return,
               AVG(s.sharpe_ratio) AS avg_sharpe_ratio
        FROM portfolio_analysis_equities e
        LEFT JOIN portfolio_analysis_equity_strategies s ON s.portfolio_analysis_equity_id = e.id
        GROUP BY e.symbol;
    END IF;
    IF to_regclass('public.portfolio_analysis_equity_summary') IS NULL THEN
        CREATE VIEW portfolio_analysis_equity_summary AS
        SELECT a.id AS portfolio_analysis_id,
               a.name AS analysis_name,
               COUNT(DISTINCT e.id) AS equity_count,
               COALESCE(SUM(e.weight_in_portfolio), 0) AS total_weight,
               COUNT(s.id) AS strategy_count
        FROM portfolio_analyses a
        LEFT JOIN portfolio_analysis_equities e ON e.portfolio_analysis_id = a.id
        LEFT JOIN portfolio_analysis_equity_strategies s ON s.portfolio_analysis_equity_id = e.id
        GROUP BY a.id, a.name;
    END IF;
    IF to_regclass('public.strategy_performance_summary') IS NULL THEN
        CREATE VIEW strategy_performance_summary AS
        SELECT st.id AS strategy_id,
               st.strategy_name,
               st.strategy_type,
               COUNT(esa.id) AS analysis_count,
               AVG(esa.total_return) AS avg_return,
               AVG(esa.sharpe_ratio) AS avg_sharpe_ratio,
               AVG(esa.win_rate) AS avg_win_rate,
               COALESCE(SUM(esa.total_trades), 0) AS total_trades
        FROM strategies st
        LEFT JOIN equity_strategy_analyses esa ON esa.strategy_id = st.id
        GROUP BY st.id, st.strategy_name, st.strategy_type;
    END IF;
END $$;

-- 3. Which portfolio the single-portfolio rows belong to: the one a rollback kept, else the one asked for,
--    else the oldest portfolio, else a new DEFAULT "Legacy Portfolio" (as the prototype's migration did).
DO $$
DECLARE
    asked VARCHAR(50) := NULLIF(current_setting('hks.legacy_portfolio', true), '');
    kept VARCHAR(50);
    target VARCHAR(50);
BEGIN
    IF to_regclass('hks_archive.rollback_info') IS NOT NULL THEN
        SELECT keep_portfolio INTO kept FROM hks_archive.rollback_info;
    END IF;
    IF kept IS NOT NULL AND asked IS NOT NULL AND kept <> asked THEN
        RAISE EXCEPTION 'the single-portfolio rows belong to %, the portfolio the rollback kept, not to %', kept, asked
            USING ERRCODE = 'P0004', HINT = 'hks_legacy_portfolio_conflict';
    END IF;
    target := COALESCE(kept, asked);
    IF EXISTS (SELECT 1 FROM portfolio_positions) OR EXISTS (SELECT 1 FROM trading_signals)
       OR EXISTS (SELECT 1 FROM price_history) THEN
        IF target IS NULL THEN
            SELECT portfolio_id INTO target FROM portfolios ORDER BY created_at NULLS LAST, portfolio_id LIMIT 1;
        END IF;
        target := COALESCE(target, 'DEFAULT');
        INSERT INTO portfolios (portfolio_id, name, description)
        VALUES (target, 'Legacy Portfolio', 'Positions carried over from the single-portfolio schema')
        ON CONFLICT (portfolio_id) DO NOTHING;
    END IF;
    PERFORM set_config('hks.migration_target', COALESCE(target, ''), true);
END $$;

-- 4. portfolio_id on the position, signal and price tables.
ALTER TABLE portfolio_positions ADD COLUMN portfolio_id VARCHAR(50);
ALTER TABLE trading_signals ADD COLUMN portfolio_id VARCHAR(50);
ALTER TABLE price_history ADD COLUMN portfolio_id VARCHAR(50);
UPDATE portfolio_positions SET portfolio_id = current_setting('hks.migration_target');
UPDATE trading_signals SET portfolio_id = current_setting('hks.migration_target');
UPDATE price_history SET portfolio_id = current_setting('hks.migration_target');
ALTER TABLE portfolio_positions ALTER COLUMN portfolio_id SET NOT NULL;
ALTER TABLE trading_signals ALTER COLUMN portfolio_id SET NOT NULL;
ALTER TABLE price_history ALTER COLUMN portfolio_id SET NOT NULL;

ALTER TABLE trading_signals DROP CONSTRAINT trading_signals_symbol_fkey;
ALTER TABLE price_history DROP CONSTRAINT price_history_symbol_fkey;
ALTER TABLE portfolio_positions DROP CONSTRAINT portfolio_positions_symbol_key;
ALTER TABLE portfolio_positions ADD CONSTRAINT portfolio_positions_portfolio_id_symbol_key UNIQUE (portfolio_id, symbol);
ALTER TABLE portfolio_positions ADD CONSTRAINT portfolio_positions_portfolio_id_fkey
    FOREIGN KEY (portfolio_id) REFERENCES portfolios(portfolio_id) ON DELETE CASCADE;
ALTER TABLE trading_signals ADD CONSTRAINT trading_signals_portfolio_id_fkey
    FOREIGN KEY (portfolio_id, symbol) REFERENCES portfolio_positions(portfolio_id, symbol) ON DELETE CASCADE;
ALTER TABLE price_history ADD CONSTRAINT price_history_portfolio_id_fkey
    FOREIGN KEY (portfolio_id, symbol) REFERENCES portfolio_positions(portfolio_id, symbol) ON DELETE CASCADE;

ALTER TABLE portfolio_analyses ADD COLUMN portfolio_id VARCHAR(50);
ALTER TABLE portfolio_analyses ADD CONSTRAINT portfolio_analyses_portfolio_id_fkey
    FOREIGN KEY (portfolio_id) REFERENCES portfolios(portfolio_id) ON DELETE SET NULL;

-- 5. Rows of the other portfolios a rollback archived, with their original ids.
DO $$
BEGIN
    IF to_regclass('hks_archive.rollback_info') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO portfolio_positions (id, portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated)
    SELECT id, portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector, last_updated
    FROM hks_archive.portfolio_positions;
    INSERT INTO trading_signals (id, portfolio_id, symbol, signal_type, signal_strength, price, volume, rsi, ma_5, ma_20, ma_50,
        bollinger_upper, bollinger_lower, created_at)
    SELECT id, portfolio_id, symbol, signal_type, signal_strength, price, volume, rsi, ma_5, ma_20, ma_50,
        bollinger_upper, bollinger_lower, created_at
    FROM hks_archive.trading_signals;
    INSERT INTO price_history (id, portfolio_id, symbol, price, volume, high, low, open_price, close_price, "timestamp")
    SELECT id, portfolio_id, symbol, price, volume, high, low, open_price, close_price, "timestamp"
    FROM hks_archive.price_history;
    UPDATE portfolio_analyses a SET portfolio_id = x.portfolio_id
    FROM hks_archive.analysis_portfolios x WHERE a.id = x.id;
    -- Sequences only move forward: past the archived ids, never back over ids already handed out.
    PERFORM setval(pg_get_serial_sequence('portfolio_positions', 'id'), GREATEST((SELECT MAX(id) FROM portfolio_positions),
        pg_sequence_last_value(pg_get_serial_sequence('portfolio_positions', 'id')::regclass), 1));
    PERFORM setval(pg_get_serial_sequence('trading_signals', 'id'), GREATEST((SELECT MAX(id) FROM trading_signals),
        pg_sequence_last_value(pg_get_serial_sequence('trading_signals', 'id')::regclass), 1));
    PERFORM setval(pg_get_serial_sequence('price_history', 'id'), GREATEST((SELECT MAX(id) FROM price_history),
        pg_sequence_last_value(pg_get_serial_sequence('price_history', 'id')::regclass), 1));
    DROP TABLE hks_archive.portfolio_positions, hks_archive.trading_signals, hks_archive.price_history,
        hks_archive.analysis_portfolios, hks_archive.rollback_info;
    DROP SCHEMA hks_archive;
END $$;

-- 6. Indexes and the per-portfolio summary view.
CREATE INDEX idx_portfolio_positions_portfolio_id ON portfolio_positions(portfolio_id);
CREATE INDEX idx_trading_signals_portfolio_symbol ON trading_signals(portfolio_id, symbol);
CREATE INDEX idx_price_history_portfolio_symbol_timestamp ON price_history(portfolio_id, symbol, "timestamp" DESC);
CREATE INDEX idx_portfolio_analyses_portfolio_id ON portfolio_analyses(portfolio_id);

CREATE VIEW portfolio_summary AS
SELECT p.portfolio_id,
       p.name,
       p.description,
       COUNT(pp.id) AS total_positions,
       COUNT(pp.id) FILTER (WHERE pp.quantity > 0) AS active_positions,
       COALESCE(SUM(pp.market_value), 0) AS total_market_value,
       COALESCE(SUM(pp.quantity * pp.avg_cost), 0) AS total_cost,
       COALESCE(SUM(pp.unrealized_pnl), 0) AS total_unrealized_pnl,
       p.created_at,
       p.updated_at
FROM portfolios p
LEFT JOIN portfolio_positions pp ON pp.portfolio_id = p.portfolio_id
GROUP BY p.portfolio_id, p.name, p.description, p.created_at, p.updated_at;
