#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: every test in Release, then the
# core tests again under AddressSanitizer + UndefinedBehaviorSanitizer (any report fails the run).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/build.sh release
ctest --preset release
bash scripts/build.sh asan
ctest --preset asan -L core
