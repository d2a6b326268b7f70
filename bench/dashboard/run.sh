#!/usr/bin/env bash
# Benchmark: server-side latency of the portfolio page and its API for a portfolio of 1,000 positions under 50
# concurrent clients on loopback (wrk), the dashboard built in Release. Target: p95 under 100 ms.
# Usage: bench/dashboard/run.sh [SECONDS] [CLIENTS]
set -euo pipefail
seconds="${1:-30}"; clients="${2:-50}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../embedded-server.sh"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 3; }
db=bench_dashboard
psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
db_url="$(database_url $db)"
"$hks" db migrate --database "$db_url" >/dev/null
psql_ "$db_url" -f "$here/seed.sql"

dotnet build "$root/src/HkStrategy.Web" -c Release -o "$work/web" --nologo -v quiet >/dev/null
port=5190
HKS_HOME="$work/home" dotnet "$work/web/HkStrategy.Web.dll" --urls "http://127.0.0.1:$port" --database "$db_url" \
  --Logging:LogLevel:Default=Warning >"$work/dashboard.log" 2>&1 &
dashboard=$!
trap 'kill $dashboard 2>/dev/null; wait $dashboard 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done

page="http://127.0.0.1:$port/portfolios/Bench_1000"
api="http://127.0.0.1:$port/api/portfolios/Bench_1000/positions"
[ "$(curl -fs "$api" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["positions"]))')" = 1000 ] \
  || { echo "bench: the API does not list 1,000 positions" >&2; exit 1; }
page_bytes=$(curl -fs "$page" | wc -c); api_bytes=$(curl -fs "$api" | wc -c)

# The warm-up is 30 s: with dynamic PGO the JIT settles after ~20 s of load.
measure() { wrk_measure "$1" "$clients" 30 "$seconds"; }
read -r pg50 pg95 pg99 pgrps pgerr < <(measure "$page")
read -r ap50 ap95 ap99 aprps aperr < <(measure "$api")
cat <<TABLE
Portfolio of 1,000 positions (60 bars and 10 signals each); $clients concurrent clients, wrk -t2 for ${seconds} s after a 30 s warm-up;
$(nproc) cores; dashboard, PostgreSQL and wrk on one machine.

| request | bytes | median ms | p95 ms | p99 ms | requests/s | errors |
|---|---|---|---|---|---|---|
| portfolio page \`/portfolios/Bench_1000\` | $page_bytes | $pg50 | $pg95 | $pg99 | $pgrps | $pgerr |
| API \`/api/portfolios/Bench_1000/positions\` | $api_bytes | $ap50 | $ap95 | $ap99 | $aprps | $aperr |

Target: p95 under 100 ms.
TABLE
psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
