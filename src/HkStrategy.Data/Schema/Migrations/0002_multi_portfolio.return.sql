-- After version 2's up script has brought the archived rows back: the values of their columns that no version of hks
-- makes (archived by the down script in hks_archive_columns, by id) go back into them. Not part of version 2's hash:
-- the up script is frozen, this completes the return of what a later down script archives.
DO $$
DECLARE
    moved record;
    assignments text;
BEGIN
    IF to_regnamespace('hks_archive_columns') IS NULL THEN
        RETURN;
    END IF;
    FOR moved IN
        SELECT c.relname AS name, c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'hks_archive_columns' AND c.relkind = 'r'
    LOOP
        SELECT string_agg(format('%I = x.%I', a.attname, a.attname), ', ' ORDER BY a.attnum) INTO assignments
        FROM pg_attribute a WHERE a.attrelid = moved.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'id';
        EXECUTE format('UPDATE public.%I t SET %s FROM hks_archive_columns.%I x WHERE t.id = x.id', moved.name, assignments, moved.name);
        EXECUTE format('DROP TABLE hks_archive_columns.%I', moved.name);
    END LOOP;
    DROP SCHEMA hks_archive_columns;
END $$;
