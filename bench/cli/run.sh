#!/usr/bin/env bash
# Benchmark: a read command of hks (portfolio list, db status) start to exit on the demo database, against psql -c of
# the same query, in one run with hyperfine; then where an hks command's time goes (start-up, first connection,
# schema check, the command). Prints Markdown. Usage: bench/cli/run.sh [RUNS]
set -euo pipefail
runs="${1:-30}"
command -v hyperfine >/dev/null || { echo "bench/cli: hyperfine is needed (apt-get install hyperfine)" >&2; exit 3; }
source "$(dirname "$0")/../embedded-server.sh"

# The embedded default database with the demo state, as a user has it after the README's first command.
"$hks" db seed --demo >/dev/null 2>&1 || true   # once: a database that has portfolios keeps them
db_url="$url"
# The launcher's build, as ./hks runs it once its sources are unchanged (its own executable when native or self-contained).
built="$root/.build/hks"
program=$({ [ -f "$built/.native" ] || [ -f "$built/.self-contained" ]; } && echo "$built/hks" || echo "dotnet $built/hks.dll")

# portfolio list's query as PortfolioStore runs it; db status reads counts, versions and totals in a few such queries.
list_sql="SELECT p.portfolio_id, p.name, COUNT(pp.id), COALESCE(SUM(pp.market_value), 0), COALESCE(SUM(ROUND(pp.quantity * pp.avg_cost, 2)), 0),
  COALESCE(SUM(pp.unrealized_pnl), 0) FROM portfolios p LEFT JOIN portfolio_positions pp ON pp.portfolio_id = p.portfolio_id
  GROUP BY p.portfolio_id ORDER BY p.created_at NULLS LAST, p.portfolio_id"
json="$work/cli.json"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$json" \
  -n "hks portfolio list" "$program portfolio list" \
  -n "hks db status" "$program db status" \
  -n "hks portfolio list --database URL" "$program portfolio list --database $db_url" \
  -n "hks --version (start-up only)" "$program --version" \
  -n "psql -c (portfolio list's query)" "psql $db_url -X -q -c \"$list_sql\"" >/dev/null

python3 - "$json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
psql = results["psql -c (portfolio list's query)"]["median"]
print("| command | median | min | ratio to psql -c |")
print("|---|---|---|---|")
for name, r in results.items():
    print(f"| `{name}` | {r['median']*1000:.0f} ms | {r['min']*1000:.0f} ms | {r['median']/psql:.1f}× |")
PY
