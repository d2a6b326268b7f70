#!/usr/bin/env bash
# Benchmark: a ledger of 100,000 activities over 200 symbols and 10 years (with the closes of each, 2800.HK too).
#  - 'hks activity import --yes' of hks's CSV into an empty portfolio in one pass (parse, Hong Kong's costs of each trade, every chain
#    derived, the journal written by the trigger) against 'psql \copy' of the same rows as hks stored them (no costs
#    worked out, nothing derived; the same journal trigger);
#  - 'hks performance' over the whole history (the report replays the ledger against every close);
#  - the performance page and its API under 50 concurrent clients (wrk), the dashboard built in Release.
# Targets: import at least as fast as psql \copy; performance ≤ 0.5 s; the page's p95 under 100 ms.
# The two imports run in pairs, one after the other (each first in every other pair), so that each ratio compares them
# on the same machine at the same moment (a shared machine's speed drifts by more than the difference between them);
# the ratio reported is the median of the pairs' ratios.
# Usage: bench/ledger/run.sh [ACTIVITIES] [PAIRS] [SECONDS]
set -euo pipefail
activities="${1:-100000}"; runs="${2:-7}"; seconds="${3:-30}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../embedded-server.sh"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 3; }
python3 "$here/make-activities.py" "$activities" 200 10 "$work/activities.csv" "$work/bars.csv" \
  "$root/src/HkStrategy.Core/Calendar/hkex-holidays.txt" >/dev/null
db=bench_ledger
db_url="$(database_url $db)"
columns="portfolio_id, activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate, ratio_from, ratio_to, stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note, position_quantity, position_avg_cost"

fresh_database() {
  psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  "$hks" db migrate --database "$db_url" >/dev/null
  psql_ "$db_url" -c "INSERT INTO portfolios (portfolio_id, name) VALUES ('Bench_Ledger', 'Ledger benchmark')" \
    -c "\\copy daily_bars (symbol, trade_date, open, high, low, close, volume, source) FROM '$work/bars.csv' CSV" -c "VACUUM ANALYZE"
  psql_ "$db_url" -c "CHECKPOINT"
}

# hks's import, timed, into a fresh database; its count checked.
hks_import() {
  fresh_database
  seconds "$hks" activity import Bench_Ledger "$work/activities.csv" --yes --database "$db_url"
  [ "$(psql_ "$db_url" -Atc "SELECT COUNT(*) FROM activities WHERE portfolio_id = 'Bench_Ledger'")" = "$activities" ] \
    || { echo "bench: the import did not write every activity" >&2; exit 1; }
}
# psql's \copy of the rows hks stored, timed, into a fresh database of the same schema.
psql_copy() {
  psql_ "$maint" -c "DROP DATABASE IF EXISTS ${db}_copy WITH (FORCE)" -c "CREATE DATABASE ${db}_copy"
  local copy_url; copy_url="$(database_url ${db}_copy)"
  "$hks" db migrate --database "$copy_url" >/dev/null
  psql_ "$copy_url" -c "INSERT INTO portfolios (portfolio_id, name) VALUES ('Bench_Ledger', 'Ledger benchmark')" -c "CHECKPOINT"
  seconds psql "$copy_url" -X -q -v ON_ERROR_STOP=1 -c "\\copy activities ($columns) FROM '$work/stored.csv' CSV"
  psql_ "$maint" -c "DROP DATABASE IF EXISTS ${db}_copy WITH (FORCE)"
}
hks_import >/dev/null   # once, untimed: the rows as hks stores them, for psql
psql_ "$db_url" -c "\\copy (SELECT $columns FROM activities ORDER BY id) TO '$work/stored.csv' CSV"
t_hks=""; t_copy=""; ratios=""
for i in $(seq "$runs"); do
  # Each goes first in every other pair.
  if [ $((i % 2)) -eq 1 ]; then one_hks="$(hks_import)"; one_copy="$(psql_copy)"; else one_copy="$(psql_copy)"; one_hks="$(hks_import)"; fi
  t_hks+="$one_hks "; t_copy+="$one_copy "; ratios+="$(echo "$one_hks / $one_copy" | bc -l) "
done
fresh_database
"$hks" activity import Bench_Ledger "$work/activities.csv" --yes --database "$db_url" >/dev/null
"$hks" performance Bench_Ledger --json --database "$db_url" >/dev/null   # warm the server's caches once
t_perf=""
for i in $(seq 5); do t_perf+="$(seconds "$hks" performance Bench_Ledger --json --database "$db_url") "; done
t_year=""
for i in $(seq 5); do t_year+="$(seconds "$hks" performance Bench_Ledger --from 2026-01-02 --json --database "$db_url") "; done
days=$("$hks" performance Bench_Ledger --json --database "$db_url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["daily"]))')

dotnet build "$root/src/HkStrategy.Web" -c Release -o "$work/web" --nologo -v quiet >/dev/null
port=5191
HKS_HOME="$work/home" dotnet "$work/web/HkStrategy.Web.dll" --urls "http://127.0.0.1:$port" --database "$db_url" \
  --Logging:LogLevel:Default=Warning >"$work/dashboard.log" 2>&1 &
dashboard=$!
trap 'kill $dashboard 2>/dev/null; wait $dashboard 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
page="http://127.0.0.1:$port/portfolios/Bench_Ledger/performance"
api="http://127.0.0.1:$port/api/portfolios/Bench_Ledger/performance"
first_page=$(curl -fs -o /dev/null -w '%{time_total}' "$page")
page_bytes=$(curl -fs "$page" | wc -c); api_bytes=$(curl -fs "$api" | wc -c)
measure() { wrk_measure "$1" 50 10 "$seconds"; }
read -r pg50 pg95 pg99 pgrps pgerr < <(measure "$page")
read -r ap50 ap95 ap99 aprps aperr < <(measure "$api")

m() { echo "$1" | tr ' ' '\n' | grep . | median; }
hks_s=$(m "$t_hks"); copy_s=$(m "$t_copy"); ratio=$(m "$ratios")
faster=$(echo "$ratios" | tr ' ' '\n' | grep . | awk '$1 < 1' | wc -l)
cat <<TABLE
Ledger: $activities activities over 200 symbols and 10 years, $(wc -l <"$work/bars.csv") closes; $(nproc) cores; medians of $runs pairs
(performance: of 5 runs); whole commands, start-up included; dashboard, PostgreSQL and wrk on one machine.

| import | median seconds | median of the pairs' ratios |
|---|---|---|
| \`hks activity import\` (costs worked out, chains derived) | $(printf %.2f "$hks_s") | $(printf %.3f "$ratio")× (faster in $faster of $runs pairs) |
| \`psql \\copy\` of the same rows as stored | $(printf %.2f "$copy_s") | 1.000× |

| \`hks performance\` | seconds |
|---|---|
| whole history ($days days) | $(printf %.2f "$(m "$t_perf")") |
| this year | $(printf %.2f "$(m "$t_year")") |

| request | bytes | median ms | p95 ms | p99 ms | requests/s | errors |
|---|---|---|---|---|---|---|
| performance page (first request: $(printf %.0f "$(echo "$first_page * 1000" | bc -l)") ms) | $page_bytes | $pg50 | $pg95 | $pg99 | $pgrps | $pgerr |
| API \`/api/portfolios/Bench_Ledger/performance\` | $api_bytes | $ap50 | $ap95 | $ap99 | $aprps | $aperr |

Targets: import at least as fast as psql \\copy; performance ≤ 0.5 s; the page's p95 under 100 ms at 50 clients.
TABLE
psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
