-- Back to version 2 without losing anything: the version-3 tables move whole (rows, ids, sequences) into the
-- schema hks_archive_v3, from which migrating up again brings them back. Only their links to the version-2 tables
-- are dropped, so that version 2's own rollback can go on.
DO $$
BEGIN
    IF to_regnamespace('hks_archive_v3') IS NOT NULL THEN
        RAISE EXCEPTION 'the schema hks_archive_v3 already exists: an earlier rollback archive would be mixed with this one'
            USING ERRCODE = 'P0004', HINT = 'hks_archive_exists';
    END IF;
END $$;

ALTER TABLE position_rules DROP CONSTRAINT position_rules_portfolio_id_symbol_fkey;
ALTER TABLE signal_runs DROP CONSTRAINT signal_runs_portfolio_id_fkey;
ALTER TABLE signals DROP CONSTRAINT signals_portfolio_id_fkey;

CREATE SCHEMA hks_archive_v3;
ALTER TABLE daily_bars SET SCHEMA hks_archive_v3;
ALTER TABLE symbol_events SET SCHEMA hks_archive_v3;
ALTER TABLE position_rules SET SCHEMA hks_archive_v3;
ALTER TABLE signal_strategies SET SCHEMA hks_archive_v3;
ALTER TABLE signal_runs SET SCHEMA hks_archive_v3;
ALTER TABLE signals SET SCHEMA hks_archive_v3;
