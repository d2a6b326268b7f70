#!/usr/bin/env bash
# Benchmark: hks backup/restore against bare pg_dump -Fc / pg_restore on one generated database of at least
# 5 million price_history rows, in one run on one machine; and the unavailable window of the restore switch at two
# database sizes. Prints a Markdown table. Usage: bench/backup-restore/run.sh [ROWS] [RUNS]
set -euo pipefail
rows="${1:-5000000}"
runs="${2:-3}"
source "$(dirname "$0")/../embedded-server.sh"

generate() { # $1: database, $2: extra price rows
  psql_ "$maint" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
  local db_url="${url/\/hk_strategy\?//$1?}"
  "$hks" db seed --demo --database "$(echo "$db_url")" >/dev/null
  psql_ "$db_url" -c "
    INSERT INTO price_history (portfolio_id, symbol, price, volume, high, low, open_price, close_price, \"timestamp\")
    SELECT 'My_HKEX_ALL', p.symbol, p.current_price, (g % 100000)::int, p.current_price * 1.01, p.current_price * 0.99,
           p.current_price, p.current_price, timestamp '2000-01-01' + g * interval '1 minute'
    FROM portfolio_positions p CROSS JOIN generate_series(1, $2 / 12) g" -c "VACUUM ANALYZE"
}


echo "generating $rows price rows…" >&2
generate bench_big "$rows"
big="${url/\/hk_strategy\?//bench_big?}"
size=$(psql_ "$big" -Atc "SELECT pg_size_pretty(pg_database_size(current_database())) || ' (' || (SELECT COUNT(*) FROM price_history) || ' price rows)'")
tools="$(dirname "$(command -v pg_dump)")"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# Every timed command starts after a checkpoint (no dirty pages of the previous step to write meanwhile), and the
# two backups take turns going first, so neither gets the warmer cache every time.
quiet() { psql_ "$maint" -c CHECKPOINT; sync; }
declare -A t
for i in $(seq "$runs"); do
  hks_backup() { quiet; t[hks_backup]+="$(seconds "$hks" backup create --out "$work/hks" --database "$big") "; }
  pg_backup() { quiet; t[pg_dump]+="$(seconds env PGPASSFILE="$HKS_HOME/pgpass" "$pg_bin/pg_dump" --format=custom --file "$work/pg_$i.dump" "$big") "; }
  if (( i % 2 )); then hks_backup; pg_backup; else pg_backup; hks_backup; fi
  quiet
  file=$(ls -t "$work"/hks/*.dump | head -1)
  t[hks_restore]+="$(seconds "$hks" restore "$file" --target-db "bench_hks_$i" --database "$big") "
  psql_ "$maint" -c "CREATE DATABASE bench_pg_$i"
  quiet
  t[pg_restore]+="$(seconds env PGPASSFILE="$HKS_HOME/pgpass" "$pg_bin/pg_restore" --exit-on-error --single-transaction --no-owner --dbname "${url/\/hk_strategy\?//bench_pg_$i?}" "$work/pg_$i.dump") "
  psql_ "$maint" -c "DROP DATABASE bench_hks_$i WITH (FORCE)" -c "DROP DATABASE bench_pg_$i WITH (FORCE)"
  rm -f "$work"/hks/*.dump "$work"/hks/*.json "$work"/pg_*.dump
done

window() { # $1: database; prints the switch window in ms of one complete restore into it
  local db_url="${url/\/hk_strategy\?//$1?}"
  "$hks" backup create --out "$work/w" --database "$db_url" >/dev/null
  local file; file=$(ls -t "$work"/w/*.dump | head -1)
  "$hks" restore "$file" --yes --no-emergency-backup --json --database "$db_url" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["unavailableMilliseconds"], 1))'
  rm -f "$work"/w/*
}
generate bench_small 0
w_small=$(window bench_small)
w_big=$(window bench_big)

b_hks=$(echo "${t[hks_backup]}" | tr ' ' '\n' | grep . | median); b_pg=$(echo "${t[pg_dump]}" | tr ' ' '\n' | grep . | median)
r_hks=$(echo "${t[hks_restore]}" | tr ' ' '\n' | grep . | median); r_pg=$(echo "${t[pg_restore]}" | tr ' ' '\n' | grep . | median)
cat <<TABLE
Database: $size; $(nproc) cores; $("$pg_bin/postgres" --version); median of $runs runs.

| operation | hks | bare tool | ratio |
|---|---|---|---|
| backup (\`hks backup create\` vs \`pg_dump -Fc\`) | $(printf %.2f "$b_hks") s | $(printf %.2f "$b_pg") s | $(echo "$b_hks / $b_pg" | bc -l | xargs printf %.2f)× |
| restore (\`hks restore --target-db\` vs \`pg_restore\` into an empty database) | $(printf %.2f "$r_hks") s | $(printf %.2f "$r_pg") s | $(echo "$r_hks / $r_pg" | bc -l | xargs printf %.2f)× |

| unavailable window of the switch | demo database (3,000 price rows) | $size |
|---|---|---|
| \`hks restore\` | $w_small ms | $w_big ms |
TABLE
psql_ "$maint" -c "DROP DATABASE IF EXISTS bench_big WITH (FORCE)" -c "DROP DATABASE IF EXISTS bench_small WITH (FORCE)"
psql_ "$maint" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'bench\_%\_pre\_restore\_%'" | while read -r db; do psql_ "$maint" -c "DROP DATABASE \"$db\" WITH (FORCE)"; done
