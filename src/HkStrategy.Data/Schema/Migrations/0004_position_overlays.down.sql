-- Back to version 3 without losing anything: the overlays (trim minimum, tactical stop, buy gates) of every position
-- that has one move into hks_archive_v4.position_rules, from which migrating up again puts them back.
DO $$
BEGIN
    IF to_regnamespace('hks_archive_v4') IS NOT NULL THEN
        RAISE EXCEPTION 'the schema hks_archive_v4 already exists: an earlier rollback archive would be mixed with this one'
            USING ERRCODE = 'P0004', HINT = 'hks_archive_exists';
    END IF;
END $$;

CREATE SCHEMA hks_archive_v4;
CREATE TABLE hks_archive_v4.position_rules AS
    SELECT portfolio_id, symbol, trim_min, tactical_stop, buy_only FROM position_rules
    WHERE trim_min IS NOT NULL OR tactical_stop IS NOT NULL OR cardinality(buy_only) > 0;
ALTER TABLE position_rules
    DROP CONSTRAINT position_rules_buy_only_check,
    DROP CONSTRAINT position_rules_overlay_prices_check,
    DROP COLUMN buy_only,
    DROP COLUMN tactical_stop,
    DROP COLUMN trim_min;
