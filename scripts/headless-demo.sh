#!/usr/bin/env bash
# The headless demo: trains the default preset (two moons, linear schedule T = 150) and writes a
# forward-noising GIF and a reverse-sampling GIF, then says where they are. Needs a Release build
# (scripts/run.sh makes one); no display.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$here/build/release/app/cli/diffusion-lab-cli"
out="${DIFFUSION_LAB_DEMO_DIR:-$here/build/demo}"
mkdir -p "$out"

echo "Default schedule:"
"$cli" schedule --schedule linear --T 150 --beta-start 0.001 --beta-end 0.133 | sed -n '1,2p'  # sed reads to the end: no SIGPIPE under pipefail
echo
echo "Training the default preset (moons, 8000 points)…"
"$cli" train --dataset moons --points 8000 --seed 1 --threads 2 --out "$out/moons.dlmodel"
echo
echo "Sampling 2000 points…"
"$cli" sample --model "$out/moons.dlmodel" --n 2000 --seed 2 --out "$out/samples.csv"
echo
echo "Rendering the forward and the reverse process…"
"$cli" render --model "$out/moons.dlmodel" --what forward --gif "$out/forward.gif" --size 600x600 --seed 3 --force
"$cli" render --model "$out/moons.dlmodel" --what reverse --gif "$out/reverse.gif" --size 600x600 --seed 3 --trails --force
echo
echo "Done. The demo wrote:"
echo "  $out/forward.gif   the data dissolving into noise, t = 0 … T"
echo "  $out/reverse.gif   the trained model turning noise back into data"
echo "  $out/samples.csv   2000 samples in the data's own coordinates"
echo "  $out/moons.dlmodel the trained model (open it in the window, or sample from it with diffusion-lab-cli)"
