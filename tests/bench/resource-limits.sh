#!/usr/bin/env bash
# Resource limits (issue 9): a ~2 GB access log whose 10 million lines all come from different
# client addresses, and a folder of 10,000 small logs. For each: wall time and peak RSS of
# `inquest import`, `inquest analyze` and `inquest series`, against reading the same bytes with
# `cat` in the same script (the machine is shared and noisy; the ratio is what to compare).
# Usage: tests/bench/resource-limits.sh [BUILD_DIR] [WORK_DIR] [LINES] [FILES]
#   BUILD_DIR default build/release; WORK_DIR default a temporary folder (needs ~5 GB free);
#   LINES default 10,000,000; FILES default 10,000.
set -euo pipefail
build=${1:-build/release}
work=${2:-}
lines=${3:-10000000}
files=${4:-10000}
inquest=$build/ui/inquest
if [[ -z $work ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

# measure LABEL COMMAND…: prints wall seconds, peak RSS and the exit code of one run.
measure() {
  local label=$1
  shift
  local stats=$work/time.txt code=0
  /usr/bin/time -f '%e %M' -o "$stats" "$@" >"$work/out.txt" 2>"$work/err.txt" || code=$?
  read -r secs kib < <(tail -n 1 "$stats") # GNU time says "Command exited with…" first on failure
  printf '%-34s %8.2f s  %7.0f MiB peak RSS  exit %d\n' "$label" "$secs" "$((kib / 1024))" "$code"
  last_secs=$secs
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.1fx", a/b; else print "-" }'; }

echo "== one large log: $lines lines, every line from a different client address"
big=$work/distinct-clients.log
[[ -s $big ]] || "$build/tests/bench/bench_ingest" --generate "$big" "$lines" --distinct-clients
echo "file: $(du -m "$big" | cut -f1) MB"
measure "cat (reference)" cat "$big"
cat_secs=$last_secs
measure "inquest bench ingest" "$inquest" bench ingest "$big"
grep -E 'MB/s|peak RSS' "$work/out.txt" | sed 's/^/    /'
rm -f "$work/big.inquest"
"$inquest" new "$work/big.inquest" >/dev/null
measure "inquest import" "$inquest" import "$work/big.inquest" "$big"
echo "    $(ratio "$last_secs" "$cat_secs") the time of cat; case file $(du -m "$work/big.inquest" | cut -f1) MB"
measure "inquest analyze" "$inquest" analyze "$work/big.inquest"
measure "inquest series clients 1h" "$inquest" series "$work/big.inquest" --metric clients --bin 1h --csv
tail -n 2 "$work/out.txt" "$work/err.txt" | sed 's/^/    /'

echo "== a folder of $files small logs"
folder=$work/many
if [[ ! -d $folder ]]; then
  mkdir -p "$folder"
  awk -v files="$files" -v dir="$folder" 'BEGIN {
    for (f = 0; f < files; f++) {
      sub_dir = sprintf("%s/host%02d", dir, f % 50)
      if (f < 50) system("mkdir -p " sub_dir)
      out = sprintf("%s/access-%05d.log", sub_dir, f)
      for (l = 0; l < 20; l++)
        printf "10.%d.%d.%d - - [12/Dec/2010:21:%02d:%02d +0000] \"GET /p/%d HTTP/1.1\" 200 %d \"-\" \"ua\"\n",
               f % 200, l, f % 250, l, f % 60, l, 100 + f % 900 > out
      close(out)
    }
  }'
fi
echo "folder: $(find "$folder" -type f | wc -l) files, $(du -sm "$folder" | cut -f1) MB"
measure "cat (reference)" find "$folder" -type f -exec cat {} +
cat_secs=$last_secs
rm -f "$work/many.inquest"
"$inquest" new "$work/many.inquest" >/dev/null
measure "inquest import FOLDER" "$inquest" import "$work/many.inquest" "$folder"
echo "    $(ratio "$last_secs" "$cat_secs") the time of cat; case file $(du -m "$work/many.inquest" | cut -f1) MB"
measure "inquest verify" "$inquest" verify "$work/many.inquest"
measure "inquest analyze" "$inquest" analyze "$work/many.inquest"
measure "inquest series requests 1m" "$inquest" series "$work/many.inquest" --metric requests --bin 1m --csv
