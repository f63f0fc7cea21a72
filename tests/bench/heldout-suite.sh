#!/usr/bin/env bash
# The held-out incident suite: 18 incidents (hardware, volumetric DDoS, application-layer DDoS,
# flash crowd, bad deploy, upstream network failure; small, medium and large traffic) from a
# generator written independently of the detectors (tests/bench/heldout/README.md), imported as
# a user does (a folder, no options), analysed and scored; prints per case the window found and
# the leading hypothesis, and the confusion matrix. ~600 MB of logs in a temporary folder.
# Usage: tests/bench/heldout-suite.sh [BUILD_DIR] [SEED_OFFSET]   (BUILD_DIR default: build/release;
# SEED_OFFSET, default 0, shifts every seed: a fresh suite nobody has looked at)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sh "$here/heldout/make_suite.sh" 2 "$work/cases" "${2:-0}" >/dev/null
python3 "$here/heldout/run_suite.py" "$build/ui/inquest" "$work/cases" "$work/run"
