#!/bin/sh
# Writes the 18 held-out incident folders (6 causes x 3 scales, fixed seeds) and truth.csv.
# usage: sh make_suite.sh [JOBS] [OUT] [SEED_OFFSET]
#   default 2 parallel jobs, OUT default ./cases next to this script (emptied first);
#   SEED_OFFSET (default 0) is added to every seed: a suite no detector change has been checked
#   against yet, for figures that are still held out once the fixed seeds have been looked at.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${2:-"$HERE/cases"}
JOBS=${1:-2}
SEED_OFFSET=${3:-0}
rm -rf "$OUT"
mkdir -p "$OUT"
# cause scale seed [options]. flash-medium logs every site at +0100 (the one all-non-UTC case).
# Largest first so the parallel workers finish together.
PLAN="hardware large 1103
ddos large 2103
appddos large 3103
flash large 4103
deploy large 5103
upstream large 6103
hardware medium 1102
ddos medium 2102
appddos medium 3102
flash medium 4102 --all-offset +0100
deploy medium 5102
upstream medium 6102
hardware small 1101
ddos small 2101
appddos small 3101
flash small 4101
deploy small 5101
upstream small 6101"
echo "$PLAN" | while read -r cause scale seed opts; do
  echo "$cause $scale $((seed + SEED_OFFSET)) $OUT/$cause-$scale $opts"
done | sed "s/ *$//" | xargs -P "$JOBS" -L 1 python3 "$HERE/gen_incident.py" > "$OUT/.rows"
{
  echo "folder,cause,outage_begin_utc,outage_end_utc,affected_sites,control_sites"
  for cause in hardware ddos appddos flash deploy upstream; do
    for scale in small medium large; do
      sed -n 2p "$OUT/$cause-$scale.truth.txt"
    done
  done
} > "$OUT/truth.csv"
rm -f "$OUT/.rows"
mkdir -p "$OUT/truth-detail" && mv "$OUT"/*.truth.txt "$OUT/truth-detail/"
cat "$OUT/truth.csv"
