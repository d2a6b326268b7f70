# Sourced by the benchmark scripts: a scratch folder, the hks launcher, the embedded server (started if need be) with
# its URL, the maintenance database's URL and psql_ that stops at the first error. Also median, seconds and wrk_measure.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export HKS_HOME="${HKS_HOME:-/tmp/hks-bench}"
work="$(mktemp -d /tmp/hks-bench-files.XXXXXX)"
hks="$root/hks"
trap 'rm -rf "$work"' EXIT

"$hks" db status >/dev/null 2>&1 || true
url="$("$hks" db url)"
maint="${url/\/hk_strategy\?//postgres?}"
psql_() { psql "$1" -X -q -v ON_ERROR_STOP=1 "${@:2}"; }
database_url() { echo "${url/\/hk_strategy\?//$1?}"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
# wrk against a URL: a warm-up (tiered JIT, pools, caches), then the measured run with bench/dashboard/percentiles.lua.
wrk_measure() { # url clients warm-up-seconds seconds -> "p50 p95 p99 rps errors"
  wrk -t2 -c"$2" -d"$3s" "$1" >/dev/null
  wrk -t2 -c"$2" -d"$4s" -s "$root/bench/dashboard/percentiles.lua" "$1" | awk '/^RESULT/ {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%.1f %.1f %.1f %.0f %d\n", v["p50"], v["p95"], v["p99"], v["requests"] / v["seconds"], v["errors"] + v["non2xx"] }'
}
