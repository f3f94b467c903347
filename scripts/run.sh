#!/usr/bin/env bash
# Quick start: install what is missing, build (Release) and start Diffusion Lab on the default preset.
# With no display, runs the headless demo instead and says where its output went.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Only what this script runs: the window and the CLI (the headless demo), not the test suite.
bash "$here/scripts/build.sh" release diffusion-lab diffusion-lab-cli
bin="$here/build/release/app"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin/gui/diffusion-lab" "$@"
fi
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the headless demo instead."
exec bash "$here/scripts/headless-demo.sh"
