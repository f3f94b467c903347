#!/usr/bin/env bash
# Rebuilds the small pre-trained models the built-in lessons load (resources/lessons/models/) with the
# project's own command-line tool. One thread and a fixed seed make every run byte-identical, so anyone
# can check that the committed files are what this script makes:
#
#   bash scripts/make-lesson-models.sh            # uses build/release/app/cli/diffusion-lab-cli
#   DL_CLI=/path/to/diffusion-lab-cli bash scripts/make-lesson-models.sh
#   git diff --stat resources/lessons/models/    # empty: the same bytes
#
# Only the weights are kept (--weights-only: no optimizer state); a lecturer retrains live in the window.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${DL_CLI:-$root/build/release/app/cli/diffusion-lab-cli}"
out="$root/resources/lessons/models"
if [[ ! -x "$cli" ]]; then
    echo "make-lesson-models.sh: $cli not found; build it first: cmake --build build/release --target diffusion-lab-cli" >&2
    exit 1
fi
mkdir -p "$out"

# The lessons' two moons on the training preset (linear, T = 150, β 0.001..0.133), 5000 steps.
# --quality-samples 0: no held-out rows, the file holds the training reference only.
train() {
    local name="$1"
    shift
    "$cli" train "$@" --seed 1 --threads 1 --quality-samples 0 --weights-only --out "$out/$name.tmp"
    mv -f "$out/$name.tmp" "$out/$name"
}
train moons.dlmodel --dataset moons --points 8000 --steps 5000

ls -l "$out"
du -ch "$out"/*.dlmodel | tail -1
