#!/usr/bin/env bash
# Benchmark: 'hks prices import' (CSV parsed and checked, binary COPY) against 'psql \copy' of the same CSV into the
# same empty daily_bars table, in one run on one machine. Usage: bench/prices-import/run.sh [SYMBOLS] [DAYS] [RUNS]
set -euo pipefail
symbols="${1:-200}"; days="${2:-5000}"; runs="${3:-3}"
source "$(dirname "$0")/../embedded-server.sh"
csv="$work/prices.csv"
python3 "$root/bench/prices-import/make-csv.py" "$symbols" "$days" "$csv"
rows=$((symbols * days))
for db in bench_import_hks bench_import_psql; do
  psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  "$hks" db migrate --database "${url/\/hk_strategy\?//$db?}" >/dev/null
done
hks_db="${url/\/hk_strategy\?//bench_import_hks?}"
psql_db="${url/\/hk_strategy\?//bench_import_psql?}"

quiet() { psql_ "$maint" -c CHECKPOINT; sync; }
t_hks=""; t_psql=""
for i in $(seq "$runs"); do
  psql_ "$hks_db" -c "TRUNCATE daily_bars"; psql_ "$psql_db" -c "TRUNCATE daily_bars"
  run_hks() { quiet; t_hks+="$(seconds "$hks" prices import "$csv" --database "$hks_db") "; }
  run_psql() { quiet; t_psql+="$(seconds psql_ "$psql_db" -c "\\copy daily_bars (trade_date, open, high, low, close, volume, symbol) FROM '$csv' WITH (FORMAT csv, HEADER true)") "; }
  if (( i % 2 )); then run_hks; run_psql; else run_psql; run_hks; fi
done
[ "$(psql_ "$hks_db" -Atc 'SELECT COUNT(*) FROM daily_bars')" = "$rows" ] || { echo "hks imported the wrong number of rows" >&2; exit 1; }
[ "$(psql_ "$psql_db" -Atc 'SELECT COUNT(*) FROM daily_bars')" = "$rows" ] || { echo "psql imported the wrong number of rows" >&2; exit 1; }
h=$(echo "$t_hks" | tr ' ' '\n' | grep . | median); p=$(echo "$t_psql" | tr ' ' '\n' | grep . | median)
cat <<TABLE
CSV: $rows rows ($symbols symbols × $days days, $(du -h "$csv" | cut -f1)); $(nproc) cores; median of $runs runs; into an empty daily_bars.

| import | seconds | rows per second |
|---|---|---|
| \`hks prices import\` | $(printf %.2f "$h") | $(echo "$rows / $h" | bc | xargs printf "%'d") |
| \`psql \\copy\` | $(printf %.2f "$p") | $(echo "$rows / $p" | bc | xargs printf "%'d") |

hks ÷ psql rows per second: $(echo "$p / $h" | bc -l | xargs printf %.2f)×
TABLE
psql_ "$maint" -c "DROP DATABASE IF EXISTS bench_import_hks WITH (FORCE)" -c "DROP DATABASE IF EXISTS bench_import_psql WITH (FORCE)"
