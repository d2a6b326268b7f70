-- Version 7: each symbol's closes packed in one row, close_series, so that a report over a long history reads a few
-- hundred rows instead of every daily bar (half a million closes cost the server half a second to aggregate). The
-- series is derived: daily_bars stays the one source, and its triggers keep the series equal to it in the same
-- statement as every write (COPY, INSERT, upsert, UPDATE, DELETE, TRUNCATE; psql's and the prototype's too).
--
-- closes: one 12-byte entry per trading day, in date order: the day as a 4-byte big-endian whole number of days
-- since 2000-01-01 (PostgreSQL's own epoch), then the close as an 8-byte big-endian whole number of thousandths of a
-- dollar (daily_bars.close is NUMERIC(12,3), so the number is exact).
--
-- Two writers of one symbol's bars pack in turn (an advisory lock per bucket of symbols, held to the end of the transaction),
-- each reading what the other committed; a REPEATABLE READ writer that cannot see the other's bars fails with a
-- serialization error instead of leaving a series without them. Rows that come back as they were (a data-only backup
-- loaded into its schema, under hks.restoring) bring their series with them: nothing is packed anew then.

CREATE TABLE close_series (
    symbol VARCHAR(10) PRIMARY KEY,
    first_day DATE NOT NULL,
    last_day DATE NOT NULL,
    days INTEGER NOT NULL CHECK (days > 0),
    closes BYTEA NOT NULL,
    CONSTRAINT close_series_entries_check CHECK (length(closes) = 12 * days AND first_day <= last_day)
);

CREATE FUNCTION hks_close_entry(trade_date DATE, close NUMERIC) RETURNS BYTEA LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN int4send(trade_date - DATE '2000-01-01') || int8send((close * 1000)::int8);

-- One writer of a symbol's series at a time: an advisory lock per bucket of symbols (1,024 buckets, so that a
-- statement writing bars of every symbol of the market takes at most 1,024 locks, never more than the server's lock
-- table holds), in a fixed order, held to the end of the transaction; then the series' rows themselves, which a
-- REPEATABLE READ writer cannot lock if another transaction changed or removed them after its snapshot (40001).
CREATE FUNCTION hks_lock_close_series(symbols TEXT[]) RETURNS void LANGUAGE sql AS $$
    SELECT count(pg_advisory_xact_lock(hashtext('hks close_series'), bucket))
    FROM (SELECT DISTINCT hashtext(s) & 1023 AS bucket FROM unnest(symbols) s ORDER BY 1) locks;
    SELECT count(*) FROM (SELECT 1 FROM close_series WHERE symbol = ANY(symbols) FOR UPDATE) series;
$$;

-- Packs the symbols' series again from their bars (a symbol without bars loses its series).
CREATE FUNCTION hks_pack_closes(symbols TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hks_lock_close_series(symbols);
    DELETE FROM close_series s WHERE s.symbol = ANY(symbols) AND NOT EXISTS (SELECT 1 FROM daily_bars b WHERE b.symbol = s.symbol);
    INSERT INTO close_series AS s (symbol, first_day, last_day, days, closes)
    SELECT symbol, min(trade_date), max(trade_date), count(*), string_agg(hks_close_entry(trade_date, close), ''::bytea ORDER BY trade_date)
    FROM daily_bars WHERE symbol = ANY(symbols) GROUP BY symbol
    ON CONFLICT (symbol) DO UPDATE
        SET first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day, days = EXCLUDED.days, closes = EXCLUDED.closes
        WHERE (s.first_day, s.last_day, s.days, s.closes) IS DISTINCT FROM (EXCLUDED.first_day, EXCLUDED.last_day, EXCLUDED.days, EXCLUDED.closes);
END $$;

-- New bars: a new symbol's series is its new bars; days after a series' last are appended to it; bars among its
-- days (a back-filled history) pack the symbol again.
CREATE FUNCTION hks_series_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    again TEXT[];
BEGIN
    IF current_setting('hks.restoring', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM hks_lock_close_series(ARRAY(SELECT DISTINCT symbol FROM new_bars));
    WITH fresh AS (
        SELECT symbol, min(trade_date) AS first_day, max(trade_date) AS last_day, count(*)::int AS days,
               string_agg(hks_close_entry(trade_date, close), ''::bytea ORDER BY trade_date) AS closes
        FROM new_bars GROUP BY symbol),
    appended AS (
        UPDATE close_series s SET last_day = f.last_day, days = s.days + f.days, closes = s.closes || f.closes
        FROM fresh f WHERE s.symbol = f.symbol AND s.last_day < f.first_day
        RETURNING s.symbol),
    added AS (
        INSERT INTO close_series (symbol, first_day, last_day, days, closes)
        SELECT f.symbol, f.first_day, f.last_day, f.days, f.closes FROM fresh f
        WHERE NOT EXISTS (SELECT 1 FROM close_series s WHERE s.symbol = f.symbol)
        ON CONFLICT (symbol) DO NOTHING -- only a REPEATABLE READ writer can meet one (another's new symbol): 40001
        RETURNING symbol)
    SELECT array_agg(f.symbol) INTO again FROM fresh f
    WHERE f.symbol NOT IN (SELECT symbol FROM appended UNION ALL SELECT symbol FROM added);
    IF again IS NOT NULL THEN
        PERFORM hks_pack_closes(again);
    END IF;
    RETURN NULL;
END $$;

-- Changed, removed or truncated bars: the symbols whose days or closes changed (a new volume changes no series) are
-- packed again; a truncated table has no series left.
CREATE FUNCTION hks_series_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('hks.restoring', true) = 'on' THEN
        RETURN NULL;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM hks_pack_closes(ARRAY(
            SELECT symbol FROM (SELECT symbol, trade_date, close FROM old_bars EXCEPT SELECT symbol, trade_date, close FROM new_bars) gone
            UNION
            SELECT symbol FROM (SELECT symbol, trade_date, close FROM new_bars EXCEPT SELECT symbol, trade_date, close FROM old_bars) came));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM hks_pack_closes(ARRAY(SELECT DISTINCT symbol FROM old_bars));
    ELSE
        DELETE FROM close_series;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER daily_bars_series_insert AFTER INSERT ON daily_bars REFERENCING NEW TABLE AS new_bars
    FOR EACH STATEMENT EXECUTE FUNCTION hks_series_after_insert();
CREATE TRIGGER daily_bars_series_update AFTER UPDATE ON daily_bars REFERENCING OLD TABLE AS old_bars NEW TABLE AS new_bars
    FOR EACH STATEMENT EXECUTE FUNCTION hks_series_after_change();
CREATE TRIGGER daily_bars_series_delete AFTER DELETE ON daily_bars REFERENCING OLD TABLE AS old_bars
    FOR EACH STATEMENT EXECUTE FUNCTION hks_series_after_change();
CREATE TRIGGER daily_bars_series_truncate AFTER TRUNCATE ON daily_bars
    FOR EACH STATEMENT EXECUTE FUNCTION hks_series_after_change();

SELECT hks_pack_closes(ARRAY(SELECT DISTINCT symbol FROM daily_bars));
