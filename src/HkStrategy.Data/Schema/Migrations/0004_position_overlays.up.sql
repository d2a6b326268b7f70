-- Version 4: the prototype's per-stock overlays become rules of a position, beside its target, stop and add zone:
--   trim_min       no overbought-reversal sell (SOVB) below this price;
--   tactical_stop  a nearer stop than stop_loss, reported when the close falls below it;
--   buy_only       gates on buy signals: 'in-add-zone' (reversal buys only inside the add zone), 'above-ema20'
--                  (breakout and reversal buys only at or above EMA20), 'near-ema-cluster' (reversal buys only
--                  within a band around the EMA20/EMA50 cluster).
-- Runs on version 3, and after a rollback to version 3 (whose archive, hks_archive_v4, it brings back).

ALTER TABLE position_rules
    ADD COLUMN trim_min NUMERIC(10,3),
    ADD COLUMN tactical_stop NUMERIC(10,3),
    ADD COLUMN buy_only VARCHAR(20)[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT position_rules_overlay_prices_check CHECK (trim_min >= 0::numeric AND tactical_stop >= 0::numeric),
    ADD CONSTRAINT position_rules_buy_only_check
        CHECK (buy_only <@ ARRAY['in-add-zone', 'above-ema20', 'near-ema-cluster']::varchar[] AND array_position(buy_only, NULL) IS NULL);

-- The overlays a rollback archived come back to their positions. Those whose position was deleted meanwhile are kept in
-- the schema hks_orphaned (never dropped by hks); those whose position lost its rules row get the row back.
DO $$
BEGIN
    IF to_regnamespace('hks_archive_v4') IS NULL THEN
        RETURN;
    END IF;
    IF to_regclass('hks_archive_v4.position_rules') IS NOT NULL THEN
        UPDATE position_rules r SET trim_min = a.trim_min, tactical_stop = a.tactical_stop, buy_only = a.buy_only
        FROM hks_archive_v4.position_rules a WHERE a.portfolio_id = r.portfolio_id AND a.symbol = r.symbol;
        INSERT INTO position_rules (portfolio_id, symbol, trim_min, tactical_stop, buy_only)
        SELECT a.portfolio_id, a.symbol, a.trim_min, a.tactical_stop, a.buy_only FROM hks_archive_v4.position_rules a
        WHERE EXISTS (SELECT 1 FROM portfolio_positions p WHERE p.portfolio_id = a.portfolio_id AND p.symbol = a.symbol)
          AND NOT EXISTS (SELECT 1 FROM position_rules r WHERE r.portfolio_id = a.portfolio_id AND r.symbol = a.symbol);
        IF EXISTS (SELECT 1 FROM hks_archive_v4.position_rules a WHERE NOT EXISTS
                       (SELECT 1 FROM position_rules r WHERE r.portfolio_id = a.portfolio_id AND r.symbol = a.symbol)) THEN
            CREATE SCHEMA IF NOT EXISTS hks_orphaned;
            CREATE TABLE IF NOT EXISTS hks_orphaned.position_overlays (LIKE hks_archive_v4.position_rules);
            INSERT INTO hks_orphaned.position_overlays
            SELECT a.* FROM hks_archive_v4.position_rules a WHERE NOT EXISTS
                (SELECT 1 FROM position_rules r WHERE r.portfolio_id = a.portfolio_id AND r.symbol = a.symbol);
            RAISE NOTICE 'overlays of positions deleted since the rollback were kept in hks_orphaned.position_overlays';
        END IF;
        -- A rule to buy only inside the add zone cannot come back to a position whose zone was cleared meanwhile: it
        -- is kept apart too, and the position keeps its other overlays.
        IF EXISTS (SELECT 1 FROM position_rules WHERE add_zone_low IS NULL AND 'in-add-zone' = ANY(buy_only)) THEN
            CREATE SCHEMA IF NOT EXISTS hks_orphaned;
            CREATE TABLE IF NOT EXISTS hks_orphaned.position_overlays (LIKE hks_archive_v4.position_rules);
            INSERT INTO hks_orphaned.position_overlays (portfolio_id, symbol, buy_only)
            SELECT portfolio_id, symbol, ARRAY['in-add-zone']::varchar(20)[] FROM position_rules
            WHERE add_zone_low IS NULL AND 'in-add-zone' = ANY(buy_only);
            UPDATE position_rules SET buy_only = array_remove(buy_only, 'in-add-zone')
            WHERE add_zone_low IS NULL AND 'in-add-zone' = ANY(buy_only);
            RAISE NOTICE 'buy-only in-add-zone rules of positions whose add zone was cleared since the rollback were kept in hks_orphaned.position_overlays';
        END IF;
        DROP TABLE hks_archive_v4.position_rules;
    END IF;
    DROP SCHEMA hks_archive_v4;
END $$;
