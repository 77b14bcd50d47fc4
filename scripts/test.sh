#!/usr/bin/env bash
# Every test roicast has, in stages:
#   build     set up and build (Release, every Python check required);
#   suite     the test suite with ctest: C++ tests, the NumPy reference, the
#             reports in headless Chromium, openpyxl and csv, the notebooks;
#   asan      the C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer;
#   tsan      the parallel engine and model tests under ThreadSanitizer;
#   fuzz      the scenario-loader and results-file fuzzers, half of
#             FUZZ_SECONDS (default 60) each.
# The stages run in two lanes side by side, each line of output marked with
# its lane: gcc (build, suite, then tsan) and clang (asan, then fuzz), so
# that the two take about as long. A stage alone leaves a core idle while its
# last, longest compile or test finishes, and the other lane's work fills it. Each stage runs even when an
# earlier test stage failed (the suite not when the build did), and a table
# of what ran, how long it took and how it ended closes the output; the exit
# code is non-zero when any stage failed.
# For a quick loop while working: ctest --test-dir build -j2
set -uo pipefail
cd "$(dirname "$0")/.."

record="$(mktemp)"
trap 'rm -f "$record"' EXIT
start=$SECONDS

# Runs one stage and appends "name result seconds" to the record.
stage() {
  local name="$1"
  shift
  echo "=== stage $name: $*"
  local begin=$SECONDS result=passed
  "$@" || result=FAILED
  echo "$name $result $((SECONDS - begin))" >>"$record"
  [[ $result == passed ]]
}

report() {
  local -A result seconds folder=([suite]=build [asan]=build-asan [tsan]=build-tsan)
  local name outcome time failed=0
  while read -r name outcome time; do
    result[$name]=$outcome
    seconds[$name]=$time
  done <"$record"
  # A failed stage's failing tests again, here at the end, where a log cut to
  # its tail still shows them.
  for name in build suite asan tsan fuzz; do
    local failed_list="${folder[$name]:-none}/Testing/Temporary/LastTestsFailed.log"
    if [[ "${result[$name]:-}" == FAILED && -f "$failed_list" ]]; then
      echo
      echo "failed in stage $name:"
      cat "$failed_list"
    fi
  done
  echo
  echo "stage      result    time"
  for name in build suite asan tsan fuzz; do
    time="${seconds[$name]:-0}"
    [[ "${result[$name]:-not run}" == passed ]] || failed=1
    printf '%-10s %-9s %d:%02d\n' "$name" "${result[$name]:-not run}" $((time / 60)) $((time % 60))
  done
  time=$((SECONDS - start))
  printf '%-10s %-9s %d:%02d  (the two lanes side by side, start to end)\n' "total" \
    "$([[ $failed == 0 ]] && echo passed || echo FAILED)" $((time / 60)) $((time % 60))
  return $failed
}

rm -f build/Testing/Temporary/LastTestsFailed.log build-asan/Testing/Temporary/LastTestsFailed.log \
  build-tsan/Testing/Temporary/LastTestsFailed.log

# Installing is done once, before the lanes: two apt-get runs at once would
# fight over dpkg's lock.
if ! bash scripts/setup.sh; then
  echo "setup failed" >&2
  exit 1
fi

(
  stage build env PRESET=release-ci scripts/build.sh &&
    stage suite ctest --test-dir build --output-on-failure -j2
  stage tsan scripts/sanitize.sh tsan
) 2>&1 | sed -u 's/^/[gcc]   /' &
gcc_lane=$!
(
  stage asan scripts/sanitize.sh asan
  stage fuzz scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
) 2>&1 | sed -u 's/^/[clang] /' &
clang_lane=$!
wait "$gcc_lane" "$clang_lane"

report
