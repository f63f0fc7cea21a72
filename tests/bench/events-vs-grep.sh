#!/usr/bin/env bash
# `inquest events --grep` against `grep -cE` over the same raw file: a generated 1,000,000-line
# combined log (~220 MB, in the page cache for both). Prints each time and the ratio; the target
# is events within 3x of grep. "events, search only" subtracts the fixed cost of opening the case
# and merging its timeline (an `events` run whose range selects nothing).
# Usage: tests/bench/events-vs-grep.sh [BUILD_DIR] [LINES]   (BUILD_DIR default: build/release)
set -euo pipefail
build=${1:-build/release}
lines=${2:-1000000}
inquest=$build/ui/inquest
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/access.log
case=$work/bench.inquest

"$build/tests/bench/bench_ingest" --generate "$log" "$lines"
echo "generated $(wc -l <"$log") lines, $(du -m "$log" | cut -f1) MB"
"$inquest" new "$case" >/dev/null
"$inquest" import "$case" "$log" >/dev/null
cat "$log" >/dev/null # into the page cache

# Best of three wall-clock seconds of a command.
best() {
  local best=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N)
    "$@" >"$work/out" 2>&1 || true # not /dev/null: GNU grep stops at the first match when it writes there
    e=$(date +%s.%N)
    best=$(awk -v b="$best" -v t="$(awk -v s="$s" -v e="$e" 'BEGIN{print e-s}')" 'BEGIN{print (b=="" || t<b) ? t : b}')
  done
  echo "$best"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", a/b}'; }

open_s=$(best "$inquest" events "$case" --to 1970-01-01)
echo "events, opening the case and merging (nothing selected): ${open_s} s"
for pattern in 'Googlebot' '" 50[0-9] ' '(POST|PUT) /shop/item/12[0-9]{2}\?'; do
  grep_n=$(grep -cE "$pattern" "$log" || true)
  # --limit 1 prints one event and "… N more" on stderr: the total is N + 1.
  more=$("$inquest" events "$case" --grep "$pattern" --limit 1 2>&1 >/dev/null | sed -n 's/.*… \([0-9]*\) more.*/\1/p')
  grep_s=$(best grep -cE "$pattern" "$log")
  events_s=$(best "$inquest" events "$case" --grep "$pattern" --limit 1)
  search_s=$(awk -v a="$events_s" -v b="$open_s" 'BEGIN{printf "%.3f", a-b}')
  echo "pattern '$pattern': grep -cE ${grep_n} lines in ${grep_s} s; events --grep $((${more:-0} + 1)) events in ${events_s} s"
  echo "  events/grep: $(ratio "$events_s" "$grep_s") whole command, $(ratio "$search_s" "$grep_s") search only"
done
