#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (preset asan, clang, build-asan/, which also holds the fuzzers of
# scripts/fuzz.sh), and the parallel engine and model tests under
# ThreadSanitizer (preset tsan, GCC, build-tsan/). Both build at -O1 with line
# tables only: a third of the compile time of -O2 -g, and the sanitizers'
# reports still name file and line. Any sanitizer report fails the run; there
# are no suppressions (see sim/thread_annotations.hpp for how TBB's own code
# is kept out of TSan's view). scripts/sanitize.sh asan|tsan runs one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs="$(nproc)"
which="${1:-all}"

if [[ "$which" == all || "$which" == asan ]]; then
  bash scripts/configure.sh asan
  cmake --build --preset asan -j"$jobs"
  # Reports are produced by the sanitized binary too (its writers run under
  # ASan). Left out: the browser and notebook readers, which run no roicast
  # code, and the NumPy reference, a statistical check of the model (a minute
  # under ASan) whose code paths the model and CLI tests already drive here.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j2 -LE "browser|notebook|reference"
fi

if [[ "$which" == all || "$which" == tsan ]]; then
  bash scripts/configure.sh tsan
  cmake --build --preset tsan -j"$jobs"
  # The two streamed-against-exact comparisons are statistical (100,000 stored
  # paths each, minutes under TSan); the streamed summaries' threading is
  # checked by StreamingThreads.SameResultsOnOneOrTwoThreads, and both run in
  # the suite and under ASan.
  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
    ctest --test-dir build-tsan -L "sim|models" --output-on-failure -j2 \
      -E "Streaming\.(MetricSummariesMatchTheExactOnes|PaybackFanChartAndComparisonsMatch)"
fi
