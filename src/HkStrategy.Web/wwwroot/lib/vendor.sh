#!/usr/bin/env bash
# Re-creates the browser libraries in this folder from npm at pinned versions, checking each package against the
# registry's published integrity hash. The files are committed: the dashboard never loads anything from a CDN.
# Usage: src/HkStrategy.Web/wwwroot/lib/vendor.sh   (needs npm and network; run it only to change a version)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

vendor() { # package version file-in-package target-name
  local package="$1" version="$2" file="$3" target="$4" tarball expected actual
  (cd "$work" && npm pack "$package@$version" --silent >/dev/null 2>&1)
  tarball="$(ls "$work"/*.tgz)"
  expected="$(npm view "$package@$version" dist.integrity 2>/dev/null)"
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  [ "$expected" = "$actual" ] || { echo "vendor: $package@$version does not match its published integrity" >&2; exit 1; }
  mkdir -p "$work/x" && tar xzf "$tarball" -C "$work/x"
  cp "$work/x/package/$file" "$here/$target"
  cp "$work/x/package/LICENSE" "$here/$target.LICENSE"
  echo "$target  $package@$version  $expected" >> "$here/VERSIONS.new"
  rm -rf "$work/x" "$tarball"
}

: > "$here/VERSIONS.new"
vendor htmx.org 2.0.11 dist/htmx.min.js htmx.min.js
vendor lightweight-charts 5.2.1 dist/lightweight-charts.standalone.production.js lightweight-charts.standalone.production.js
vendor echarts 6.1.0 dist/echarts.common.min.js echarts.common.min.js
mv "$here/VERSIONS.new" "$here/VERSIONS"
echo "vendored: $(cut -d' ' -f3 "$here/VERSIONS" | tr '\n' ' ')"
