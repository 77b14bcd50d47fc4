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
  # ASan, on 500 paths). Left out, as they run no roicast code and read the
  # same files in the Release suite: the Python readers of the reports (the
  # browser, openpyxl, csv, the consistency check) and the notebooks. Left
  # out too: the NumPy reference, a statistical check of the model (a minute
  # under ASan), and, by tests/CMakeLists.txt, the streamed-against-exact
  # comparison (100,000 stored paths, four minutes under ASan): the model,
  # CLI and streaming tests drive the same code paths here on fewer paths.
  # The gtest binaries run in shards, a process each (tests/CMakeLists.txt,
  # roicast_test): ctest names shards, gtest's output the tests. Stack traces
  # of allocations and frees are kept 8 frames deep (30 by default): the
  # writers' tests take a quarter less time, and a report still names the
  # callers.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:malloc_context_size=8 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j2 -LE "browser|notebook|reference" \
      -E "^reports\.[^.]+\.(files|xlsx)$"
fi

if [[ "$which" == all || "$which" == tsan ]]; then
  bash scripts/configure.sh tsan
  cmake --build --preset tsan -j"$jobs"
  # Threads run in the model (simulation, summaries, sensitivity, the
  # forecast) and, in sim/, only in sim/block_runner.hpp: the model tests, the
  # block runner's own tests and the two canaries. The rest of sim/ runs on
  # one thread, where ThreadSanitizer has nothing to find. The
  # streamed-against-exact comparison is statistical (100,000 stored paths,
  # minutes under TSan) and left out by tests/CMakeLists.txt; the streamed
  # summaries' threading is checked by
  # StreamingThreads.SameResultsOnOneOrTwoThreads; the comparison runs in the
  # suite. The build configures the other test binaries' shards too, but
  # builds only these: the selections below name what was built.
  # The two sets run side by side (the second is four tests, one of them
  # long), each printing when it is done.
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
  log="$(mktemp)"
  ctest --test-dir build-tsan -R "^(sim_thread_tests\.|sim\.tsan_)" --output-on-failure >"$log" 2>&1 &
  engine=$!
  tsan_failed=0
  ctest --test-dir build-tsan -R "^model_tests\." --output-on-failure -j2 || tsan_failed=1
  wait "$engine" || tsan_failed=1
  cat "$log"
  rm -f "$log"
  [[ $tsan_failed == 0 ]]
fi
