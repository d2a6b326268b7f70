-- Version 5: the activity ledger. Every portfolio's activities (trades, dividends, corporate actions, cash) in
-- activities, each share-changing one with the position it leaves (position_quantity, position_avg_cost: weighted
-- average cost, as Hong Kong brokers report it); every change to an activity kept in activity_journal, which only
-- grows. portfolio_positions keeps its generated market value and P&L: a write made to it directly (the seed's SQL,
-- the prototype's dashboard, a user's psql) is recorded in the same transaction as an opening balance (a new
-- position) or an adjustment (a changed or removed one), so the ledger and the positions never disagree.
-- Runs on version 4: one opening balance per position; after a rollback to version 4 (whose archive, hks_archive_v5,
-- it brings back), the archived ledger, and an adjustment for any position changed meanwhile.

CREATE TABLE activities (
    id BIGSERIAL PRIMARY KEY,
    portfolio_id VARCHAR(50) NOT NULL REFERENCES portfolios(portfolio_id) ON DELETE CASCADE,
    -- The checks are written as PostgreSQL prints them back, so a dump restores them unchanged.
    activity_type VARCHAR(20) NOT NULL CHECK (activity_type::text = ANY (ARRAY['buy'::text, 'sell'::text, 'dividend'::text,
        'scrip-dividend'::text, 'bonus'::text, 'split'::text, 'fee'::text, 'deposit'::text, 'withdrawal'::text, 'transfer-in'::text,
        'transfer-out'::text, 'opening'::text, 'adjustment'::text])),
    trade_date DATE NOT NULL,
    settlement_date DATE CHECK (settlement_date >= trade_date),
    symbol VARCHAR(10),
    quantity INTEGER CHECK (quantity >= 0),
    price NUMERIC(10,3) CHECK (price >= 0),
    amount NUMERIC(16,2),
    currency VARCHAR(3) NOT NULL DEFAULT 'HKD' CHECK (currency::text = ANY (ARRAY['HKD'::text, 'CNY'::text, 'USD'::text])),
    fx_rate NUMERIC(14,8) NOT NULL DEFAULT 1 CHECK (fx_rate > 0),
    ratio_from INTEGER CHECK (ratio_from > 0),
    ratio_to INTEGER CHECK (ratio_to > 0),
    stamp_duty NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (stamp_duty >= 0),
    sfc_levy NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (sfc_levy >= 0),
    afrc_levy NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (afrc_levy >= 0),
    trading_fee NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (trading_fee >= 0),
    settlement_fee NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (settlement_fee >= 0),
    commission NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (commission >= 0),
    note TEXT,
    position_quantity INTEGER CHECK (position_quantity >= 0),
    position_avg_cost NUMERIC(10,3) CHECK (position_avg_cost >= 0),
    created_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,
    CONSTRAINT activities_symbol_check CHECK (symbol IS NOT NULL OR activity_type::text = ANY (ARRAY['fee'::text, 'deposit'::text, 'withdrawal'::text])),
    CONSTRAINT activities_ratio_check CHECK ((activity_type::text = 'split'::text) = (ratio_from IS NOT NULL AND ratio_to IS NOT NULL)),
    CONSTRAINT activities_position_check CHECK ((position_quantity IS NULL) = (position_avg_cost IS NULL))
);
CREATE INDEX idx_activities_position ON activities (portfolio_id, symbol, trade_date, id);

-- Append-only: an activity added, edited or removed, as it is after (added, edited) or was before (removed).
CREATE TABLE activity_journal (
    id BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL,
    portfolio_id VARCHAR(50) NOT NULL,
    change VARCHAR(10) NOT NULL CHECK (change::text = ANY (ARRAY['added'::text, 'edited'::text, 'removed'::text])),
    changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    activity JSONB NOT NULL
);
CREATE INDEX idx_activity_journal_activity ON activity_journal (activity_id, id);

-- hks.restoring is set only while rows come back as they were (a migration bringing the archived ledger back, a
-- data-only backup loaded into its schema): their journal and ledger come back with them, nothing is recorded anew.
-- It guards against mistakes, not against the tables' owner, who can drop a trigger. The triggers work per statement
-- on its transition table (changed_rows), so a statement writing 100,000 rows records them in one INSERT.
CREATE FUNCTION hks_journal_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('hks.restoring', true) = 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO activity_journal (activity_id, portfolio_id, change, activity)
    SELECT c.id, c.portfolio_id, CASE TG_OP WHEN 'INSERT' THEN 'added' WHEN 'UPDATE' THEN 'edited' ELSE 'removed' END, to_jsonb(c)
    FROM changed_rows c ORDER BY c.id;
    RETURN NULL;
END $$;
CREATE TRIGGER activities_journal_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hks_journal_activity();
CREATE TRIGGER activities_journal_update AFTER UPDATE ON activities REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hks_journal_activity();
CREATE TRIGGER activities_journal_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hks_journal_activity();

CREATE FUNCTION hks_refuse_journal_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('hks.restoring', true) = 'on' THEN
        RETURN CASE TG_OP WHEN 'UPDATE' THEN NEW ELSE OLD END;  -- the change goes ahead
    END IF;
    RAISE EXCEPTION 'activity_journal only grows: its rows are never changed or removed' USING ERRCODE = 'P0005', HINT = 'hks_journal_append_only';
END $$;
CREATE TRIGGER activity_journal_append_only BEFORE UPDATE OR DELETE ON activity_journal FOR EACH ROW EXECUTE FUNCTION hks_refuse_journal_change();
CREATE TRIGGER activity_journal_no_truncate BEFORE TRUNCATE ON activity_journal FOR EACH STATEMENT EXECUTE FUNCTION hks_refuse_journal_change();

-- Positions written directly: an opening balance when the ledger has nothing of the position yet, else an adjustment
-- to what it now is (removed: to nothing). hks.deriving is set only while hks writes the positions the ledger derives.
-- A position of no portfolio (removed with its portfolio, or a damaged row without one) has no ledger to be recorded
-- in: the integrity check names such rows.
CREATE FUNCTION hks_record_position_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('hks.deriving', true) = 'on' OR current_setting('hks.restoring', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol, quantity, price, position_quantity, position_avg_cost, note)
        SELECT o.portfolio_id, 'adjustment', CURRENT_DATE, o.symbol, 0, 0, 0, 0, 'position removed from portfolio_positions directly'
        FROM removed_rows o WHERE EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = o.portfolio_id) ORDER BY o.id;
        RETURN NULL;
    END IF;
    -- Each branch names only the transition tables its statement has.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol, quantity, price, position_quantity, position_avg_cost, note)
        SELECT n.portfolio_id,
               CASE WHEN EXISTS (SELECT 1 FROM activities a WHERE a.portfolio_id = n.portfolio_id AND a.symbol = n.symbol) THEN 'adjustment' ELSE 'opening' END,
               COALESCE(n.last_updated::date, CURRENT_DATE), n.symbol, n.quantity, n.avg_cost, n.quantity, n.avg_cost, 'written to portfolio_positions directly'
        FROM written_rows n WHERE EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = n.portfolio_id) ORDER BY n.id;
        RETURN NULL;
    END IF;
    INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol, quantity, price, position_quantity, position_avg_cost, note)
    SELECT n.portfolio_id,
           CASE WHEN EXISTS (SELECT 1 FROM activities a WHERE a.portfolio_id = n.portfolio_id AND a.symbol = n.symbol) THEN 'adjustment' ELSE 'opening' END,
           COALESCE(n.last_updated::date, CURRENT_DATE), n.symbol, n.quantity, n.avg_cost, n.quantity, n.avg_cost, 'written to portfolio_positions directly'
    FROM written_rows n JOIN removed_rows o ON o.id = n.id
    WHERE (o.quantity IS DISTINCT FROM n.quantity OR o.avg_cost IS DISTINCT FROM n.avg_cost)
      AND EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = n.portfolio_id)
    ORDER BY n.id;
    RETURN NULL;
END $$;
CREATE TRIGGER portfolio_positions_ledger_insert AFTER INSERT ON portfolio_positions REFERENCING NEW TABLE AS written_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hks_record_position_write();
CREATE TRIGGER portfolio_positions_ledger_update AFTER UPDATE ON portfolio_positions REFERENCING OLD TABLE AS removed_rows NEW TABLE AS written_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hks_record_position_write();
CREATE TRIGGER portfolio_positions_ledger_delete AFTER DELETE ON portfolio_positions REFERENCING OLD TABLE AS removed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hks_record_position_write();

DO $$
BEGIN
    IF to_regnamespace('hks_archive_v5') IS NOT NULL THEN
        -- The ledger a rollback archived comes back as it was, journal included; its portfolios deleted meanwhile
        -- keep theirs in hks_orphaned (never dropped by hks).
        PERFORM set_config('hks.restoring', 'on', true);
        INSERT INTO activities SELECT a.* FROM hks_archive_v5.activities a
            WHERE EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = a.portfolio_id) ORDER BY a.id;
        INSERT INTO activity_journal SELECT j.* FROM hks_archive_v5.activity_journal j ORDER BY j.id;
        PERFORM set_config('hks.restoring', 'off', true);
        IF EXISTS (SELECT 1 FROM hks_archive_v5.activities a WHERE NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = a.portfolio_id)) THEN
            CREATE SCHEMA IF NOT EXISTS hks_orphaned;
            CREATE TABLE IF NOT EXISTS hks_orphaned.activities (LIKE hks_archive_v5.activities);
            INSERT INTO hks_orphaned.activities SELECT a.* FROM hks_archive_v5.activities a
                WHERE NOT EXISTS (SELECT 1 FROM portfolios p WHERE p.portfolio_id = a.portfolio_id);
            RAISE NOTICE 'activities of portfolios deleted since the rollback were kept in hks_orphaned.activities';
        END IF;
        PERFORM setval(pg_get_serial_sequence('activities', 'id'), GREATEST((SELECT MAX(id) FROM hks_archive_v5.activities), 1),
                       (SELECT MAX(id) FROM hks_archive_v5.activities) IS NOT NULL);
        PERFORM setval(pg_get_serial_sequence('activity_journal', 'id'), GREATEST((SELECT MAX(id) FROM hks_archive_v5.activity_journal), 1),
                       (SELECT MAX(id) FROM hks_archive_v5.activity_journal) IS NOT NULL);
        DROP TABLE hks_archive_v5.activity_journal;
        DROP TABLE hks_archive_v5.activities;
        DROP SCHEMA hks_archive_v5;
    END IF;
END $$;

-- Every position the ledger does not end at (all of them on a first migration; those changed since a rollback):
-- an opening balance (the ledger has nothing of it) or an adjustment, dated its last update, so each position,
-- average cost and the seed's HK$4,052,660.20 stay exactly as they were. A position the ledger holds but that was
-- removed meanwhile: an adjustment to nothing.
INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol, quantity, price, position_quantity, position_avg_cost, note)
SELECT p.portfolio_id, CASE WHEN l.symbol IS NULL THEN 'opening' ELSE 'adjustment' END, COALESCE(p.last_updated::date, CURRENT_DATE),
       p.symbol, p.quantity, p.avg_cost, p.quantity, p.avg_cost,
       CASE WHEN l.symbol IS NULL THEN 'opening balance of the position as it was' ELSE 'the position as it was changed while the ledger was archived' END
FROM portfolio_positions p
LEFT JOIN LATERAL (SELECT a.symbol, a.position_quantity, a.position_avg_cost FROM activities a
                   WHERE a.portfolio_id = p.portfolio_id AND a.symbol = p.symbol AND a.position_quantity IS NOT NULL
                   ORDER BY a.trade_date DESC, a.id DESC LIMIT 1) l ON true
WHERE l.symbol IS NULL OR l.position_quantity IS DISTINCT FROM p.quantity OR l.position_avg_cost IS DISTINCT FROM p.avg_cost
ORDER BY p.portfolio_id, p.id;

INSERT INTO activities (portfolio_id, activity_type, trade_date, symbol, quantity, price, position_quantity, position_avg_cost, note)
SELECT l.portfolio_id, 'adjustment', CURRENT_DATE, l.symbol, 0, 0, 0, 0, 'the position was removed while the ledger was archived'
FROM (SELECT DISTINCT ON (a.portfolio_id, a.symbol) a.portfolio_id, a.symbol, a.position_quantity FROM activities a
      WHERE a.symbol IS NOT NULL AND a.position_quantity IS NOT NULL ORDER BY a.portfolio_id, a.symbol, a.trade_date DESC, a.id DESC) l
WHERE l.position_quantity > 0
  AND NOT EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = l.portfolio_id AND p.symbol = l.symbol)
ORDER BY l.portfolio_id, l.symbol;
