#!/usr/bin/env bash
# Starts the window under Xvfb, runs a short scripted session (plays a few frames, stops on t) and saves
# a screenshot of the main window, so anyone can see what it looks like without a display.
#
#   scripts/screenshot.sh [OUT.png] [T]          default: build/screenshot.png at t = 30
#   DL_BUILD_DIR=build/release scripts/screenshot.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build/screenshot.png}"
t="${2:-30}"
build="${DL_BUILD_DIR:-}"
if [[ -z "$build" ]]; then
  for candidate in "$root/build/release" "$root/build/window" "$root/build"; do
    if [[ -x "$candidate/app/gui/diffusion-lab" ]]; then build="$candidate"; break; fi
  done
fi
app="${build:-$root/build}/app/gui/diffusion-lab"
if [[ ! -x "$app" ]]; then
  echo "screenshot: $app not found; build the diffusion-lab target first (or set DL_BUILD_DIR)" >&2
  exit 1
fi
if ! command -v xvfb-run >/dev/null; then
  echo "screenshot: xvfb-run not found (Debian package xvfb; scripts/bootstrap.sh installs it)" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
# A private settings folder, so the screenshot shows the defaults and touches no one's settings.
export XDG_CONFIG_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
xvfb-run -a -s "-screen 0 1600x1000x24" "$app" --demo-screenshot "$out" --demo-t "$t"
echo "screenshot: $out"
