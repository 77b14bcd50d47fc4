#!/usr/bin/env bash
# Builds both fuzzers (build preset fuzzers: clang, libFuzzer, ASan, UBSan, in
# the asan configuration's build-asan/, so after scripts/sanitize.sh there is
# nothing left to compile) and runs each for half of a bounded time:
# scripts/fuzz.sh [SECONDS] (default 60 in all).
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
build-asan/fuzz/scenario_fuzzer "${common[@]}" -max_len=16384 "$work/scenarios" scenarios fuzz/regressions
build-asan/fuzz/results_fuzzer "${common[@]}" -max_len=131072 -dict=fuzz/results.dict \
  "$work/results" fuzz/results_seeds fuzz/results_regressions
