-- After version 2's up script has brought the archived rows back, what it cannot bring back, from hks_archive_extras:
-- the values of columns no version of hks makes (a table per table, by id), the indexes on portfolio_id it does not make
-- (the prototype's) and the per-portfolio summary view as it was. Not part of version 2's hash: the up script is frozen,
-- this completes the return of what a later down script archives.
DO $$
DECLARE
    moved record;
    assignments text;
BEGIN
    IF to_regnamespace('hks_archive_extras') IS NULL THEN
        RETURN;
    END IF;
    FOR moved IN
        SELECT c.relname AS name, c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'hks_archive_extras' AND c.relkind = 'r' AND c.relname IN ('portfolio_positions', 'trading_signals', 'price_history')
    LOOP
        -- Only the columns the table still has (one dropped while at version 1 cannot take its values back).
        SELECT string_agg(format('%I = x.%I', a.attname, a.attname), ', ' ORDER BY a.attnum) INTO assignments
        FROM pg_attribute a
        WHERE a.attrelid = moved.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'id'
          AND EXISTS (SELECT 1 FROM pg_attribute p WHERE p.attrelid = ('public.' || quote_ident(moved.name))::regclass
                      AND p.attname = a.attname AND NOT p.attisdropped);
        IF assignments IS NOT NULL THEN
            EXECUTE format('UPDATE public.%I t SET %s FROM hks_archive_extras.%I x WHERE t.id = x.id', moved.name, assignments, moved.name);
        END IF;
        IF EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = moved.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'id'
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute p WHERE p.attrelid = ('public.' || quote_ident(moved.name))::regclass
                                   AND p.attname = a.attname AND NOT p.attisdropped)) THEN
            CREATE SCHEMA IF NOT EXISTS hks_orphaned;
            EXECUTE format('ALTER TABLE hks_archive_extras.%I RENAME TO %I', moved.name, moved.name || '_columns_' || to_char(now(), 'YYYYMMDDHH24MISS'));
            EXECUTE format('ALTER TABLE hks_archive_extras.%I SET SCHEMA hks_orphaned', moved.name || '_columns_' || to_char(now(), 'YYYYMMDDHH24MISS'));
            RAISE NOTICE 'columns of % dropped while at version 1: the archived rows'' values of them are kept in hks_orphaned', moved.name;
        ELSE
            EXECUTE format('DROP TABLE hks_archive_extras.%I', moved.name);
        END IF;
    END LOOP;
    IF to_regclass('hks_archive_extras.required') IS NOT NULL THEN
        FOR moved IN SELECT table_name, column_name FROM hks_archive_extras.required
        LOOP
            IF EXISTS (SELECT 1 FROM pg_attribute p WHERE p.attrelid = ('public.' || quote_ident(moved.table_name))::regclass
                       AND p.attname = moved.column_name AND NOT p.attisdropped) THEN
                EXECUTE format('ALTER TABLE public.%I ALTER COLUMN %I SET NOT NULL', moved.table_name, moved.column_name);
            END IF;
        END LOOP;
        DROP TABLE hks_archive_extras.required;
    END IF;
    IF to_regclass('hks_archive_extras.definitions') IS NOT NULL THEN
        FOR moved IN SELECT name, definition FROM hks_archive_extras.definitions WHERE kind = 'index' ORDER BY name
        LOOP
            IF to_regclass('public.' || quote_ident(moved.name)) IS NULL THEN
                EXECUTE moved.definition;
            END IF;
        END LOOP;
        FOR moved IN SELECT definition FROM hks_archive_extras.definitions WHERE kind = 'view' AND name = 'portfolio_summary'
        LOOP
            DROP VIEW IF EXISTS public.portfolio_summary;
            EXECUTE 'CREATE VIEW public.portfolio_summary AS ' || moved.definition;
        END LOOP;
        DROP TABLE hks_archive_extras.definitions;
    END IF;
    DROP SCHEMA hks_archive_extras;
END $$;
