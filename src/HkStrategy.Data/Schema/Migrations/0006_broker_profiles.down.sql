-- Back to version 5 without losing anything: the broker profiles move into hks_archive_v6, from which migrating up
-- again brings them back. The costs recorded with each activity stay as they are.
DO $$
BEGIN
    IF to_regnamespace('hks_archive_v6') IS NOT NULL THEN
        RAISE EXCEPTION 'the schema hks_archive_v6 already exists: an earlier rollback archive would be mixed with this one'
            USING ERRCODE = 'P0004', HINT = 'hks_archive_exists';
    END IF;
END $$;

CREATE SCHEMA hks_archive_v6;
CREATE TABLE hks_archive_v6.broker_profiles AS SELECT * FROM broker_profiles ORDER BY portfolio_id;
DROP TABLE broker_profiles;
