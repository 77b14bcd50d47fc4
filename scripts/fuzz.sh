#!/usr/bin/env bash
# Builds both fuzzers (build preset fuzzers: clang, libFuzzer, ASan, UBSan, in
# the asan configuration's build-asan/, so after scripts/sanitize.sh there is
# nothing left to compile) and runs them side by side, one on each core, for
# half of a bounded time each: scripts/fuzz.sh [SECONDS] (default 60 in all,
# 30 on the clock).
#   scenario_fuzzer  the scenario loader and a few simulated paths; seeds: the
#                    shipped scenarios and fuzz/regressions/, which
#                    tests/app/invalid_scenarios_test.cpp replays;
#   results_fuzzer   the results-file reader and every report writer; seeds:
#                    results files of the shipped scenarios (fuzz/results_seeds/)
#                    and fuzz/results_regressions/, which
#                    tests/app/hostile_results_test.cpp replays.
# A crash leaves its input in fuzz/crashes/; fix it and move the input to the
# fuzzer's regressions folder, where the test suite replays it on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
half=$(((seconds + 1) / 2))
bash scripts/setup.sh
bash scripts/configure.sh asan
cmake --build --preset fuzzers -j"$(nproc)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p fuzz/crashes "$work/scenarios" "$work/results"
common=(-max_total_time="$half" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=fuzz/crashes/)
# Side by side, each into its own log, printed when both are done.
build-asan/fuzz/scenario_fuzzer "${common[@]}" -max_len=16384 "$work/scenarios" scenarios fuzz/regressions \
  >"$work/scenario.log" 2>&1 &
scenario=$!
build-asan/fuzz/results_fuzzer "${common[@]}" -max_len=131072 -dict=fuzz/results.dict \
  "$work/results" fuzz/results_seeds fuzz/results_regressions >"$work/results.log" 2>&1 &
results=$!
failed=0
wait "$scenario" || failed=1
wait "$results" || failed=1
for name in scenario results; do
  echo "=== ${name}_fuzzer"
  # The last lines say how it ended (a crash's report, or Done and the stats).
  tail -n 40 "$work/$name.log"
done
exit $failed
