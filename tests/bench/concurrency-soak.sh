#!/usr/bin/env bash
# A bigger run of the concurrency soak (tests/cli/tst_concurrentcase.cpp): WORKERS `inquest`
# processes import logs, import articles and analyse one case at once, half of them with --wait.
# It checks that every command that exited 0 is in the case and its custody log, that every
# refused one exited 1 with the lock message and left nothing, and that `inquest verify` passes,
# then prints the figures (operations, refused, waited, seconds).
# Usage: tests/bench/concurrency-soak.sh [BUILD_DIR] [WORKERS] [OPERATIONS]
#   BUILD_DIR default build/dev; WORKERS default 16; OPERATIONS default 1000.
set -euo pipefail
build=${1:-build/dev}
workers=${2:-16}
ops=${3:-1000}
test=$build/tests/cli_tst_concurrentcase
if [[ ! -x $test ]]; then
  echo "$test is missing: cmake --build --preset dev --target cli_tst_concurrentcase inquest" >&2
  exit 2
fi
INQUEST_SOAK_WORKERS=$workers INQUEST_SOAK_OPS=$ops QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} \
  "$test" -maxwarnings 0 2>&1 | grep -E 'QINFO|PASS   : .*manyWriters|FAIL|Loc:'
