#!/usr/bin/env bash
# Ingest throughput of a generated 1,000,000-line combined log (~220 MB): Inquest against a bare
# memchr scan (same process), and against lnav and GoAccess (not Inquest dependencies: this script
# installs them through `installer/install-deps.sh --bench`).
# Usage: tests/bench/ingest-vs-tools.sh [BUILD_DIR] [LINES]   (BUILD_DIR default: build/release)
set -euo pipefail
build=${1:-build/release}
lines=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/combined.log
"$(dirname "$0")/../../installer/install-deps.sh" --bench

"$build/tests/bench/bench_ingest" --generate "$log" "$lines"
echo "generated $(wc -l <"$log") lines, $(du -m "$log" | cut -f1) MB"
cat "$log" >/dev/null # into the page cache, as for the others

"$build/ui/inquest" bench ingest "$log" --repeat 3
inquest_s=$("$build/ui/inquest" bench ingest "$log" | awk '/^  ingest /{print $2}')
echo "inquest: ${inquest_s} s"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1fx", a/b}'; }

if command -v lnav >/dev/null; then
  s=$(date +%s.%N)
  lnav -n -c ';SELECT count(*) FROM access_log' "$log" >/dev/null 2>&1 || true
  lnav_s=$(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN{printf "%.3f", b-a}')
  echo "lnav:    ${lnav_s} s  (inquest is $(ratio "$lnav_s" "$inquest_s") faster)"
else
  echo "lnav:    not installed"
fi
if command -v goaccess >/dev/null; then
  s=$(date +%s.%N)
  goaccess "$log" --log-format=COMBINED -o "$work/report.json" >/dev/null 2>&1 || true
  goaccess_s=$(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN{printf "%.3f", b-a}')
  echo "goaccess: ${goaccess_s} s  (inquest is $(ratio "$goaccess_s" "$inquest_s") faster)"
else
  echo "goaccess: not installed"
fi
