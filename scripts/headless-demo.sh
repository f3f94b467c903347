#!/usr/bin/env bash
# The headless demo: what the default preset does, with no display.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$here/build/release/app/cli/diffusion-lab-cli"
"$cli" schedule --schedule linear --T 100 --beta-start 0.001 --beta-end 0.2 | head -n 2
