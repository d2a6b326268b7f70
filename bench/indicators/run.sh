#!/usr/bin/env bash
# Benchmark: hks's indicators and TXYZN signal evaluation against a pandas reference of the same indicators and
# conditions (Debian's python3-pandas), over SYMBOLS × BARS generated daily bars, in one run on one machine; and how far
# hks's indicators are from a plain single-pass loop over reused arrays. Usage: bench/indicators/run.sh [SYMBOLS] [BARS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
symbols="${1:-2500}"; bars="${2:-5000}"
dotnet build "$here/Bench.Indicators.csproj" -c Release --nologo -v quiet >/dev/null
results="$(mktemp)"; trap 'rm -f "$results"' EXIT
dotnet "$here/bin/Release/net10.0/Bench.Indicators.dll" "$symbols" "$bars" >>"$results"
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  /usr/bin/python3 "$here/pandas_reference.py" "$symbols" "$bars" signals >>"$results"
  /usr/bin/python3 "$here/pandas_reference.py" "$symbols" "$bars" indicators >>"$results"
else
  echo "pandas reference skipped: install python3-pandas" >&2
fi
rate() { awk -F'\t' -v n="$1" '$1 == n {print $2}' "$results"; }
echo "Bars: $symbols symbols × $bars days; $(nproc) cores; $(dotnet --version) SDK; pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)' 2>/dev/null || echo '-')."
echo
echo "| pass | bars per second | seconds | allocated (MiB) | peak memory (MiB) |"
echo "|---|---|---|---|---|"
awk -F'\t' '{printf "| %s | %'"'"'d | %.2f | %s | %s |\n", $1, $2, $3, $4, $5}' "$results"
echo
hs=$(rate "hks indicators + signals"); hi=$(rate "hks indicators only"); pl=$(rate "plain single-pass loop (indicators)")
ps=$(rate "pandas indicators + signals"); pi=$(rate "pandas indicators only")
[ -n "$ps" ] && echo "hks ÷ pandas, indicators + signals: $(echo "$hs / $ps" | bc -l | xargs printf %.1f)×; indicators only: $(echo "$hi / $pi" | bc -l | xargs printf %.1f)×"
echo "hks indicators ÷ plain loop: $(echo "$hi / $pl" | bc -l | xargs printf %.2f)×"
echo "hks indicators + signals ÷ plain loop (indicators only): $(echo "$hs / $pl" | bc -l | xargs printf %.2f)×"
