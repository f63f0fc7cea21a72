#!/usr/bin/env bash
# Installs every build, test and run-time dependency of Inquest from Debian's packages.
# Does nothing when all of them are present; uses sudo when not run as root.
#   --fuzz   also clang and its libFuzzer/sanitizer runtime, for `make fuzz`
#   --bench  also what the scripts in tests/bench compare with or measure by: lnav and GoAccess
#            (other log tools, run on the same file), GNU time, valgrind (callgrind), sqlite3
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config ccache clang-format
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libgl-dev
  libqcustomplot-dev libboost-date-time-dev zlib1g-dev libssl-dev libpcre2-dev libicu-dev
  tzdata fonts-dejavu-core
  libqt6svg6
  xvfb xauth poppler-utils dpkg-dev file
  clickhouse-server clickhouse-client curl
  appstream desktop-file-utils shared-mime-info
)
for option in "$@"; do
  case "$option" in
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    --bench) packages+=(lnav goaccess time valgrind sqlite3) ;;
    *) echo "usage: install-deps.sh [--fuzz] [--bench]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
# The remote-source tests start their own throwaway ClickHouse (tests/remote/clickhouse-server.sh);
# the package's service is not wanted on a build machine.
if printf '%s\n' "${missing[@]}" | grep -qx clickhouse-server && command -v systemctl >/dev/null &&
  systemctl is-enabled clickhouse-server >/dev/null 2>&1; then
  $sudo systemctl disable --now clickhouse-server || true
fi
