-- Back to version 6. The close series are derived from daily_bars, which stays as it is: nothing is archived, and
-- migrating up again packs them anew, the same.
DROP TRIGGER daily_bars_series_insert ON daily_bars;
DROP TRIGGER daily_bars_series_update ON daily_bars;
DROP TRIGGER daily_bars_series_delete ON daily_bars;
DROP TRIGGER daily_bars_series_truncate ON daily_bars;
DROP FUNCTION hks_series_after_insert();
DROP FUNCTION hks_series_after_change();
DROP FUNCTION hks_pack_closes(TEXT[]);
DROP FUNCTION hks_lock_close_series(TEXT[]);
DROP TABLE close_series;
DROP FUNCTION hks_close_entry(DATE, NUMERIC);
