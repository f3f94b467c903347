#!/usr/bin/env bash
# Installs what is missing, then configures and builds a CMake preset (default: release).
#   scripts/build.sh [preset] [target …]   with targets, builds only those (e.g. the app and the CLI)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${1:-release}"
shift || true
bash "$here/scripts/bootstrap.sh"
cd "$here"
cmake --preset "$preset" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build --preset "$preset" -j "$(nproc)" "${targets[@]}"
