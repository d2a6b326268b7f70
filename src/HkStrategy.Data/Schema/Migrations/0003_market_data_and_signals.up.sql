-- Version 3: symbol-level daily bars shared by all portfolios, per-position rules, symbol events, and the TXYZN
-- signal store with its strategy catalog. The legacy tables stay as they are (price_history keeps being written).
-- Runs on version 2, and after a rollback to version 2 (whose archive, hks_archive_v3, it brings back).

-- 1. Tables a rollback archived come back first, exactly as they were.
DO $$
DECLARE
    moved text;
BEGIN
    IF to_regnamespace('hks_archive_v3') IS NULL THEN
        RETURN;
    END IF;
    FOREACH moved IN ARRAY ARRAY['daily_bars', 'symbol_events', 'position_rules', 'signal_strategies', 'signal_runs', 'signals']
    LOOP
        IF to_regclass('public.' || moved) IS NOT NULL THEN
            RAISE EXCEPTION 'public.% was created again after the rollback, and hks_archive_v3.% holds the archived one', moved, moved
                USING ERRCODE = 'P0004', HINT = 'hks_archive_conflict';
        END IF;
        IF to_regclass('hks_archive_v3.' || moved) IS NOT NULL THEN
            EXECUTE format('ALTER TABLE hks_archive_v3.%I SET SCHEMA public', moved);
        END IF;
    END LOOP;
END $$;

-- 2. The new tables, where the archive did not bring them back.
CREATE TABLE IF NOT EXISTS daily_bars (
    symbol VARCHAR(10) NOT NULL,
    trade_date DATE NOT NULL,
    open NUMERIC(12,3) NOT NULL,
    high NUMERIC(12,3) NOT NULL,
    low NUMERIC(12,3) NOT NULL,
    close NUMERIC(12,3) NOT NULL,
    volume BIGINT NOT NULL DEFAULT 0,
    source VARCHAR(20) NOT NULL DEFAULT 'csv',
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT daily_bars_pkey PRIMARY KEY (symbol, trade_date),
    CONSTRAINT daily_bars_prices_check CHECK (low >= 0::numeric AND high >= low AND open >= 0::numeric AND close >= 0::numeric),
    CONSTRAINT daily_bars_volume_check CHECK (volume >= 0)
);

CREATE TABLE IF NOT EXISTS symbol_events (
    id SERIAL PRIMARY KEY,
    symbol VARCHAR(10) NOT NULL,
    event_date DATE NOT NULL,
    description VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT symbol_events_symbol_event_date_description_key UNIQUE (symbol, event_date, description)
);

CREATE TABLE IF NOT EXISTS position_rules (
    portfolio_id VARCHAR(50) NOT NULL,
    symbol VARCHAR(10) NOT NULL,
    target_sell NUMERIC(10,3),
    stop_loss NUMERIC(10,3),
    add_zone_low NUMERIC(10,3),
    add_zone_high NUMERIC(10,3),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT position_rules_pkey PRIMARY KEY (portfolio_id, symbol),
    CONSTRAINT position_rules_add_zone_check CHECK (add_zone_low <= add_zone_high),
    CONSTRAINT position_rules_prices_check CHECK (target_sell >= 0::numeric AND stop_loss >= 0::numeric AND add_zone_low >= 0::numeric)
);

CREATE TABLE IF NOT EXISTS signal_strategies (
    code CHAR(4) PRIMARY KEY,
    side CHAR(1) NOT NULL,
    strength SMALLINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    description TEXT NOT NULL,
    priority SMALLINT NOT NULL,
    legacy_signal_type CHAR(1)
);

CREATE TABLE IF NOT EXISTS signal_runs (
    id SERIAL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    portfolio_id VARCHAR(50),
    as_of DATE NOT NULL,
    parameters JSONB NOT NULL,
    program_version VARCHAR(100) NOT NULL,
    signal_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS signals (
    id BIGSERIAL PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES signal_runs(id) ON DELETE CASCADE,
    portfolio_id VARCHAR(50),
    symbol VARCHAR(10) NOT NULL,
    trade_date DATE NOT NULL,
    code CHAR(5) NOT NULL,
    strategy_code CHAR(4) NOT NULL REFERENCES signal_strategies(code),
    strength SMALLINT NOT NULL,
    close NUMERIC(12,3) NOT NULL,
    evidence JSONB NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT signals_code_check CHECK (code ~ '^[BSH][A-Z]{3}[1-9]$'::text),
    CONSTRAINT signals_strength_check CHECK (strength >= 1 AND strength <= 9)
);

CREATE UNIQUE INDEX IF NOT EXISTS signals_portfolio_symbol_day_key ON signals (portfolio_id, symbol, trade_date) WHERE portfolio_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS signals_symbol_day_key ON signals (symbol, trade_date) WHERE portfolio_id IS NULL;
CREATE INDEX IF NOT EXISTS idx_signals_trade_date ON signals (trade_date DESC);
CREATE INDEX IF NOT EXISTS idx_daily_bars_trade_date ON daily_bars (trade_date);
CREATE INDEX IF NOT EXISTS idx_symbol_events_event_date ON symbol_events (event_date);

-- 3. The strategy catalog (the same rows as the program's StrategyCatalog).
INSERT INTO signal_strategies (code, side, strength, name, description, priority, legacy_signal_type) VALUES
    ('SBRK', 'S', 3, 'Breakdown', 'Close below EMA50 by more than a fraction of ATR, MACD negative and falling, RSI weak, on heavy volume', 1, 'C'),
    ('SOVB', 'S', 1, 'Overbought reversal', 'At or above the target sell price with RSI overbought, pulling back from the high or engulfed, on volume', 2, 'D'),
    ('BBRK', 'B', 9, 'Breakout', 'Uptrend (EMA5 > EMA20), close above the 20-day high by a fraction of ATR, momentum confirmed, on heavy volume', 3, 'A'),
    ('BRSV', 'B', 7, 'Oversold reversal', 'RSI turning up out of oversold, close above EMA5 and EMA20 near the day''s high, on volume', 4, 'B'),
    ('HMOM', 'H', 5, 'Hold', 'No entry or exit rule holds: keep the position as it is', 5, NULL)
ON CONFLICT (code) DO NOTHING;

-- 4. Rows an archive brought back whose position or portfolio was deleted meanwhile cannot get their links back:
--    they move to the schema hks_orphaned (kept, added to by later round trips, never dropped by hks), the archive goes.
DO $$
BEGIN
    IF to_regnamespace('hks_archive_v3') IS NULL THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM position_rules r WHERE NOT EXISTS
                   (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = r.portfolio_id AND p.symbol = r.symbol))
       OR EXISTS (SELECT 1 FROM signals s WHERE s.portfolio_id IS NOT NULL AND NOT EXISTS
                   (SELECT 1 FROM portfolios p WHERE p.portfolio_id = s.portfolio_id)) THEN
        CREATE SCHEMA IF NOT EXISTS hks_orphaned;
        CREATE TABLE IF NOT EXISTS hks_orphaned.position_rules (LIKE public.position_rules);
        CREATE TABLE IF NOT EXISTS hks_orphaned.signals (LIKE public.signals);
        WITH moved AS (
            DELETE FROM position_rules r
            WHERE NOT EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = r.portfolio_id AND p.symbol = r.symbol)
            RETURNING r.*)
        INSERT INTO hks_orphaned.position_rules SELECT * FROM moved;
        WITH moved AS (
            DELETE FROM signals s
            WHERE s.portfolio_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = s.portfolio_id)
            RETURNING s.*)
        INSERT INTO hks_orphaned.signals SELECT * FROM moved;
        RAISE NOTICE 'rules or signals of positions deleted since the rollback were kept in schema hks_orphaned';
    END IF;
    UPDATE signal_runs r SET portfolio_id = NULL
    WHERE r.portfolio_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = r.portfolio_id);
    DROP SCHEMA hks_archive_v3;
END $$;

ALTER TABLE position_rules ADD CONSTRAINT position_rules_portfolio_id_symbol_fkey
    FOREIGN KEY (portfolio_id, symbol) REFERENCES portfolio_positions(portfolio_id, symbol) ON DELETE CASCADE;
ALTER TABLE signal_runs ADD CONSTRAINT signal_runs_portfolio_id_fkey
    FOREIGN KEY (portfolio_id) REFERENCES portfolios(portfolio_id) ON DELETE SET NULL;
ALTER TABLE signals ADD CONSTRAINT signals_portfolio_id_fkey
    FOREIGN KEY (portfolio_id) REFERENCES portfolios(portfolio_id) ON DELETE CASCADE;
