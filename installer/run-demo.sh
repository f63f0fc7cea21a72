#!/usr/bin/env bash
# Writes the demo case and opens it in the GUI; with no display, says where the case is.
set -euo pipefail
exe="$1"
case_file="$2"
"$exe" demo "$case_file"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$exe" "$case_file"
fi
echo "No display: the demo case is written to $case_file"
echo "Open it later with: $exe $case_file"
