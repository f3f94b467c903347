#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite:
#  0. every C++ file must be as clang-format leaves it (scripts/check-format.sh);
#  1. every test in Release;
#  2. the core, CLI, io and window tests again under AddressSanitizer + UndefinedBehaviorSanitizer
#     (clang), any report failing the run;
#  3. every libFuzzer harness for 20 s (scripts/fuzz.sh), in the same sanitizer build;
#  4. the core tests that run several threads (label "threads": the worker pool, data-parallel training,
#     the threaded predictor) under ThreadSanitizer. The window's workers stay out of it: Qt is not built
#     with ThreadSanitizer, so it cannot see the locks inside Qt's queued signals and would report races
#     that are not there.
# Precompiled headers (cmake/PrecompiledHeaders.cmake) keep the three builds inside the time budget.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
jobs="$(nproc)"
bash scripts/bootstrap.sh
bash scripts/check-format.sh
bash scripts/build.sh release
ctest --preset release

cmake --preset asan >/dev/null
cmake --build build/asan -j "$jobs" --target dl_tests_core dl_tests_cli dl_tests_io dl_tests_ui
ctest --preset asan -L 'core|cli|io|ui'
bash scripts/fuzz.sh 20

cmake --preset tsan >/dev/null
cmake --build build/tsan -j "$jobs" --target dl_tests_threads
ctest --preset tsan -L threads
