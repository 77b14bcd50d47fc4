#!/usr/bin/env bash
# Builds the scenario-loader fuzzer with clang (libFuzzer, ASan, UBSan; preset
# fuzz, build-fuzz/) and runs it for a bounded time: scripts/fuzz.sh [SECONDS]
# (default 60). Seeds: the shipped scenarios and fuzz/regressions/. A crash
# leaves its input in fuzz/crashes/; fix it and move the input to
# fuzz/regressions/, where tests/app/invalid_scenarios_test.cpp replays it on
# every test run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/setup.sh
CXX=clang++ cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
work="$(mktemp -d)"
mkdir -p fuzz/crashes
build-fuzz/fuzz/scenario_fuzzer -max_total_time="$seconds" -max_len=16384 -timeout=30 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix=fuzz/crashes/ "$work" scenarios fuzz/regressions
rm -rf "$work"
