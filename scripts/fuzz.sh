#!/usr/bin/env bash
# Runs every libFuzzer harness (tests/fuzz) for a bounded time, starting from its seed corpus in
# tests/fuzz/corpus/<name>/. CI runs it with the default of 20 s each from scripts/test.sh.
#
#   bash scripts/fuzz.sh            # 20 s per harness
#   bash scripts/fuzz.sh 3600       # an hour each: the longer run before a release
#   bash scripts/fuzz.sh 600 fuzz_modelfile   # one harness
#
# New inputs that reach new code go to build/asan/fuzz-corpus/<name>/ (kept between runs; copy good
# ones into tests/fuzz/corpus/<name>/). A crash stops the run with status 1 and leaves the input in
# build/asan/fuzz-artifacts/; reproduce it with build/asan/tests/fuzz/<name> <file>, then turn it into
# a regression test.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
seconds="${1:-20}"
shift || true
fuzzers=("$@")
if [ ${#fuzzers[@]} -eq 0 ]; then fuzzers=(fuzz_pointcsv fuzz_modelfile fuzz_session fuzz_image fuzz_lessonfile); fi

bash scripts/bootstrap.sh
cmake --preset asan >/dev/null
cmake --build build/asan -j "$(nproc)" --target "${fuzzers[@]}"

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$here/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
artifacts="build/asan/fuzz-artifacts"
mkdir -p "$artifacts"
for name in "${fuzzers[@]}"; do
  corpus="build/asan/fuzz-corpus/$name"
  mkdir -p "$corpus"
  echo "fuzz: $name for $seconds s" >&2
  # -timeout: one input taking longer is a hang; -rss_limit_mb: a loader that grows past 2 GB is a bug.
  if ! "build/asan/tests/fuzz/$name" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/$name-" \
      "$corpus" "tests/fuzz/corpus/${name#fuzz_}" > "build/asan/fuzz-$name.log" 2>&1; then
    tail -n 60 "build/asan/fuzz-$name.log" >&2
    echo "fuzz: $name failed; the input is in $artifacts/" >&2
    exit 1
  fi
  grep -E "^stat::number_of_executed_runs|^stat::new_units_added" "build/asan/fuzz-$name.log" | tr '\n' ' ' >&2
  echo >&2
done
