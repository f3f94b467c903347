#!/usr/bin/env bash
# Installs what is missing, then configures and builds a CMake preset (default: release).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${1:-release}"
bash "$here/scripts/bootstrap.sh"
cd "$here"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
