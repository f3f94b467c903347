#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite:
#  1. every test in Release;
#  2. the core, CLI and io tests again under AddressSanitizer + UndefinedBehaviorSanitizer (clang), any
#     report failing the run;
#  3. every libFuzzer harness for 20 s (scripts/fuzz.sh), in the same sanitizer build;
#  4. the core tests under ThreadSanitizer (worker pool, data-parallel training, threaded sampling).
# The window's widget tests run in Release only: under ASan they would add a third full build of the
# Qt Widgets code and push the run past its time budget.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
jobs="$(nproc)"
bash scripts/build.sh release
ctest --preset release

cmake --preset asan >/dev/null
cmake --build build/asan -j "$jobs" --target dl_tests_core dl_tests_cli dl_tests_io
ctest --preset asan -L 'core|cli|io'
bash scripts/fuzz.sh 20

cmake --preset tsan >/dev/null
cmake --build build/tsan -j "$jobs" --target dl_tests_core
ctest --preset tsan -L core
