-- Back to version 4 without losing anything: the ledger and its journal move into hks_archive_v5, from which
-- migrating up again brings them back (with an adjustment for any position changed meanwhile). The positions stay
-- as they are.
DO $$
BEGIN
    IF to_regnamespace('hks_archive_v5') IS NOT NULL THEN
        RAISE EXCEPTION 'the schema hks_archive_v5 already exists: an earlier rollback archive would be mixed with this one'
            USING ERRCODE = 'P0004', HINT = 'hks_archive_exists';
    END IF;
END $$;

CREATE SCHEMA hks_archive_v5;
CREATE TABLE hks_archive_v5.activities AS SELECT * FROM activities ORDER BY id;
CREATE TABLE hks_archive_v5.activity_journal AS SELECT * FROM activity_journal ORDER BY id;
DROP TRIGGER portfolio_positions_ledger_delete ON portfolio_positions;
DROP TRIGGER portfolio_positions_ledger_update ON portfolio_positions;
DROP TRIGGER portfolio_positions_ledger_insert ON portfolio_positions;
DROP FUNCTION hks_record_position_write();
DROP TABLE activity_journal;
DROP FUNCTION hks_refuse_journal_change();
DROP TABLE activities;
DROP FUNCTION hks_journal_activity();
