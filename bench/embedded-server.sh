# Sourced by the benchmark scripts: a scratch folder, the hks launcher, the embedded server (started if need be) with
# its URL, the maintenance database's URL and psql_ that stops at the first error. Also median and seconds.
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
