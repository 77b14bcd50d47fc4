#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (build-asan/), and the parallel engine and model tests under ThreadSanitizer
# (build-tsan/). Any sanitizer report fails the run; there are no
# suppressions (see sim/thread_annotations.hpp for how TBB's own code is kept
# out of TSan's view).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs="$(nproc)"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DROICAST_SANITIZE=address,undefined \
      -DROICAST_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j2 -LE "browser|notebook"

cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DROICAST_SANITIZE=thread \
      -DROICAST_BUILD_BENCH=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target sim_tests model_tests tsan_canary tsan_stack_reuse
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
  ctest --test-dir build-tsan -L "sim|models" --output-on-failure -j2
