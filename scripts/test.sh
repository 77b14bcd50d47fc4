#!/usr/bin/env bash
# Every test roicast has, in stages:
#   build     set up and build (Release, every Python check required);
#   suite     the test suite with ctest: C++ tests, the NumPy reference, the
#             reports in headless Chromium, openpyxl and csv, the notebooks;
#   asan      the C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer;
#   tsan      the parallel engine and model tests under ThreadSanitizer;
#   fuzz      the scenario-loader and results-file fuzzers, half of
#             FUZZ_SECONDS (default 60) each.
# Each stage runs even when an earlier test stage failed (not when the build
# did), and a table of what ran, how long it took and how it ended closes the
# output; the exit code is non-zero when any stage failed.
# For a quick loop while working: ctest --test-dir build -j2
set -uo pipefail
cd "$(dirname "$0")/.."

names=() results=() seconds=()
failed=0
stage() {
  local name="$1"
  shift
  echo "=== stage $name: $*"
  local start=$SECONDS
  if "$@"; then results+=("passed"); else results+=("FAILED"); failed=1; fi
  names+=("$name")
  seconds+=($((SECONDS - start)))
}
report() {
  # A failed stage's failing tests again, here at the end, where a log cut to
  # its tail still shows them.
  local -A folder=([suite]=build [asan]=build-asan [tsan]=build-tsan)
  for i in "${!names[@]}"; do
    local failed_list="${folder[${names[$i]}]:-none}/Testing/Temporary/LastTestsFailed.log"
    if [[ "${results[$i]}" == FAILED && -f "$failed_list" ]]; then
      echo
      echo "failed in stage ${names[$i]}:"
      cat "$failed_list"
    fi
  done
  echo
  echo "stage      result    time"
  for i in "${!names[@]}"; do
    printf '%-10s %-9s %d:%02d\n' "${names[$i]}" "${results[$i]}" $((seconds[i] / 60)) $((seconds[i] % 60))
  done
  local total=0
  for s in "${seconds[@]}"; do total=$((total + s)); done
  printf '%-10s %-9s %d:%02d\n' "total" "$([[ $failed == 0 ]] && echo passed || echo FAILED)" $((total / 60)) $((total % 60))
}
trap report EXIT
rm -f build/Testing/Temporary/LastTestsFailed.log build-asan/Testing/Temporary/LastTestsFailed.log \
  build-tsan/Testing/Temporary/LastTestsFailed.log

stage build env PRESET=release-ci scripts/build.sh
if [[ "${results[0]}" != passed ]]; then exit 1; fi
stage suite ctest --test-dir build --output-on-failure -j2
stage asan scripts/sanitize.sh asan
stage tsan scripts/sanitize.sh tsan
stage fuzz scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
exit $failed
