#!/usr/bin/env bash
# bench_news before and after a change, in one script on one machine: BEFORE is a bench_news
# binary built from the reference commit, AFTER the current one. Prints both and the ratio of
# their extraction times (after / before); each run reports best-of-5 internally.
#   tests/bench/news-before-after.sh BEFORE_BINARY AFTER_BINARY [ROUNDS]
set -euo pipefail
before=$1 after=$2 rounds=${3:-3}
best() { "$1" | sed -n 's/^extractStatements: *\([0-9.]*\) ms.*/\1/p'; }
b=1e9 a=1e9
for ((i = 0; i < rounds; ++i)); do
  tb=$(best "$before"); ta=$(best "$after")
  b=$(echo "$tb $b" | awk '{print ($1 < $2) ? $1 : $2}')
  a=$(echo "$ta $a" | awk '{print ($1 < $2) ? $1 : $2}')
done
"$after" | sed -n '1,4p'
echo "before: extractStatements $b ms"
echo "after:  extractStatements $a ms"
echo "ratio after/before: $(echo "$a $b" | awk '{printf "%.2f", $1 / $2}')"
