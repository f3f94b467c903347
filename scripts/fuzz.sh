#!/usr/bin/env bash
# Runs every libFuzzer harness (tests/fuzz) for a bounded time, starting from its seed corpus in
# tests/fuzz/corpus/<name>/. CI runs it with the default of 20 s each from scripts/test.sh.
#
#   bash scripts/fuzz.sh            # 20 s per harness
#   bash scripts/fuzz.sh 3600       # an hour each: the longer run before a release
#   bash scripts/fuzz.sh 600 fuzz_modelfile   # one harness
#
# New inputs that reach new code go to build/asan/fuzz-corpus/<name>/ (kept between runs; copy good
# ones into tests/fuzz/corpus/<name>/). The harnesses run side by side, one per core. A crash in one
# fails the run (status 1, once all have finished) and leaves the input in build/asan/fuzz-artifacts/;
# reproduce it with build/asan/tests/fuzz/<name> <file>, then turn it into a regression test.
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

# One harness, its outcome in build/asan/fuzz-<name>.status ("ok" or "failed"). It always returns 0 so
# that `wait -n` below does not stop the script under `set -e` before the other harnesses have finished.
fuzz_one() {
  local name="$1" corpus="build/asan/fuzz-corpus/$1" status="failed"
  mkdir -p "$corpus"
  # -timeout: one input taking longer is a hang; -rss_limit_mb: a loader that grows past 2 GB is a bug.
  if "build/asan/tests/fuzz/$name" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/$name-" \
      "$corpus" "tests/fuzz/corpus/${name#fuzz_}" > "build/asan/fuzz-$name.log" 2>&1; then
    status="ok"
  fi
  echo "$status" > "build/asan/fuzz-$name.status"
}

# libFuzzer runs on one thread, so the harnesses run side by side, one per core: each still gets its
# full time on a core of its own, and five take three rounds of 20 s on two cores instead of five.
cores="$(nproc)"
running=0
for name in "${fuzzers[@]}"; do
  rm -f "build/asan/fuzz-$name.status"
  if [ "$running" -ge "$cores" ]; then
    wait -n
    running=$((running - 1))
  fi
  echo "fuzz: $name for $seconds s" >&2
  fuzz_one "$name" &
  running=$((running + 1))
done
wait

failed=0
for name in "${fuzzers[@]}"; do
  if [ "$(cat "build/asan/fuzz-$name.status" 2>/dev/null)" != "ok" ]; then
    tail -n 60 "build/asan/fuzz-$name.log" >&2
    echo "fuzz: $name failed; the input is in $artifacts/" >&2
    failed=1
    continue
  fi
  echo -n "$name: " >&2
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" "build/asan/fuzz-$name.log" | tr '\n' ' ' >&2
  echo >&2
done
exit "$failed"
