#!/usr/bin/env bash
# The scenario bench (bench_scenarios): 6 causes × 4 volumes × SEEDS seeds, imported from files,
# with the confusion matrix and window-edge errors at the end.
# Usage: tests/bench/scenarios.sh [BUILD_DIR] [SEEDS] [FIRST_SEED]   (BUILD_DIR default: build/release)
set -euo pipefail
build=${1:-build/release}
"$build/tests/bench/bench_scenarios" "${2:-3}" "${3:-101}"
