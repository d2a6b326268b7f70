#!/usr/bin/env bash
# Benchmark: 'hks portfolio import' of a document of nearly 100,000 positions (every HKEX code, with rules) into an
# empty portfolio, then again (nothing changes: the preview reads everything and writes nothing).
# Usage: bench/portfolio-import/run.sh [POSITIONS] [RUNS]
set -euo pipefail
positions="${1:-99999}"; runs="${2:-3}"
source "$(dirname "$0")/../embedded-server.sh"
document="$work/large.json"
python3 "$root/bench/portfolio-import/make-document.py" "$positions" "$document"
db=bench_portfolio_import
db_url="$(database_url $db)"
t_first=""; t_again=""
for i in $(seq "$runs"); do
  psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  "$hks" db migrate --database "$db_url" >/dev/null
  t_first+="$(seconds "$hks" portfolio import "$document" --database "$db_url") "
  t_again+="$(seconds "$hks" portfolio import "$document" --database "$db_url") "
done
[ "$(psql_ "$db_url" -Atc "SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Large'")" = "$positions" ] || { echo "the import lost positions" >&2; exit 1; }
first=$(echo "$t_first" | tr ' ' '\n' | grep . | median); again=$(echo "$t_again" | tr ' ' '\n' | grep . | median)
cat <<TABLE
Document: $positions positions with rules ($(du -h "$document" | cut -f1)); $(nproc) cores; median of $runs runs; whole command (start-up included).

| import | seconds |
|---|---|
| into an empty portfolio | $(printf %.2f "$first") |
| the same document again (nothing changes) | $(printf %.2f "$again") |
TABLE
psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
