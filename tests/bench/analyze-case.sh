#!/usr/bin/env bash
# `inquest analyze CASE --json` end to end on a 5,000,000-event case (six storefront sites and a
# system log, a hardware incident with decoys): wall time and peak RSS of the real command,
# against reading the case file (cat) and reading its event blobs with sqlite3, then the same
# steps timed one by one in bench_analyze_case (open / detectors / apply / save), cold.
# The case is built once and kept: CASE defaults to /tmp/inquest-bench-5m.inquest.
# Usage: tests/bench/analyze-case.sh [BUILD_DIR] [CASE] [EVENTS]   (BUILD_DIR default: build/release)
set -euo pipefail
build=${1:-build/release}
case_file=${2:-/tmp/inquest-bench-5m.inquest}
events=${3:-5000000}
runs=3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ! -f $case_file ]]; then
  "$build/tests/bench/bench_analyze_case" make "$case_file" "$events"
fi
echo "case: $case_file, $(du -m "$case_file" | cut -f1) MB"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.3f", b-a}'; }
median() { sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1fx", a/b}'; }

# Each run analyzes a fresh copy, so every run does the same work.
cat_s=() sql_s=() analyze_s=()
for ((i = 0; i < runs; i++)); do
  cp "$case_file" "$work/case.inquest"
  s=$(now); cat "$work/case.inquest" >/dev/null; cat_s+=("$(since "$s")")
  if command -v sqlite3 >/dev/null; then
    s=$(now)
    sqlite3 "$work/case.inquest" 'SELECT sum(length(data)) FROM source_columns' >/dev/null
    sql_s+=("$(since "$s")")
  fi
  s=$(now)
  /usr/bin/time -v -o "$work/time.txt" "$build/ui/inquest" analyze "$work/case.inquest" --json >"$work/out.json"
  analyze_s+=("$(since "$s")")
done
cat_m=$(printf '%s\n' "${cat_s[@]}" | median)
analyze_m=$(printf '%s\n' "${analyze_s[@]}" | median)
rss_mb=$(awk -F: '/Maximum resident/{printf "%.0f", $2/1024}' "$work/time.txt")
echo "reference: cat CASE                    ${cat_m} s (median of $runs)"
if ((${#sql_s[@]})); then
  sql_m=$(printf '%s\n' "${sql_s[@]}" | median)
  echo "reference: sqlite3 reads event blobs   ${sql_m} s ($(ratio "$sql_m" "$cat_m") cat)"
fi
echo "inquest analyze CASE --json            ${analyze_m} s (median of $runs; $(ratio "$analyze_m" "$cat_m") cat${sql_m:+, $(ratio "$analyze_m" "$sql_m") sqlite3}), peak RSS ${rss_mb} MB"
echo "  findings: $(grep -c '"title"' "$work/out.json")"
awk -v t="$analyze_m" 'BEGIN{print "target: <= 2 s: " (t <= 2 ? "met" : "NOT met")}'
echo
# One run per process: later runs in the same process reuse freed heap and look faster than the
# command, which always starts cold.
"$build/tests/bench/bench_analyze_case" time "$case_file" 1 || true
