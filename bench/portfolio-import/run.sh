#!/usr/bin/env bash
# Benchmark: 'hks portfolio import' of a document of nearly 100,000 positions (every HKEX code, with rules) into an
# empty portfolio, then again (nothing changes: the preview reads everything and writes nothing); then the portfolio's
# own export (a version 3 document: the positions and the ledger, one opening balance each) imported as a new portfolio.
# Usage: bench/portfolio-import/run.sh [POSITIONS] [RUNS]
set -euo pipefail
positions="${1:-99999}"; runs="${2:-3}"
source "$(dirname "$0")/../embedded-server.sh"
document="$work/large.json"
python3 "$root/bench/portfolio-import/make-document.py" "$positions" "$document"
db=bench_portfolio_import
db_url="$(database_url $db)"
t_first=""; t_again=""; t_export=""; t_ledger=""; t_ledger_again=""
exported="$work/exported.json"
for i in $(seq "$runs"); do
  psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  "$hks" db migrate --database "$db_url" >/dev/null
  t_first+="$(seconds "$hks" portfolio import "$document" --database "$db_url") "
  t_again+="$(seconds "$hks" portfolio import "$document" --database "$db_url") "
  t_export+="$(seconds "$hks" portfolio export Large --out "$exported" --database "$db_url") "
  t_ledger+="$(seconds "$hks" portfolio import "$exported" --as Copy --database "$db_url") "
  t_ledger_again+="$(seconds "$hks" portfolio import "$exported" --as Copy --database "$db_url") "
done
[ "$(psql_ "$db_url" -Atc "SELECT COUNT(*) FROM activities WHERE portfolio_id = 'Copy'")" = "$positions" ] || { echo "the ledger's import lost activities" >&2; exit 1; }
[ "$(psql_ "$db_url" -Atc "SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Large'")" = "$positions" ] || { echo "the import lost positions" >&2; exit 1; }
med() { echo "$1" | tr ' ' '\n' | grep . | median; }
first=$(med "$t_first"); again=$(med "$t_again"); export_=$(med "$t_export"); ledger=$(med "$t_ledger"); ledger_again=$(med "$t_ledger_again")
cat <<TABLE
Document: $positions positions with rules ($(du -h "$document" | cut -f1)); $(nproc) cores; median of $runs runs; whole command (start-up included).

| import | seconds |
|---|---|
| into an empty portfolio | $(printf %.2f "$first") |
| the same document again (nothing changes) | $(printf %.2f "$again") |
| export of that portfolio, ledger included ($(du -h "$exported" | cut -f1)) | $(printf %.2f "$export_") |
| that export into a new portfolio: positions and $positions activities | $(printf %.2f "$ledger") |
| the same export again (nothing changes) | $(printf %.2f "$ledger_again") |
TABLE
psql_ "$maint" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
