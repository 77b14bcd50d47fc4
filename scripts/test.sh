#!/usr/bin/env bash
# Every test roicast has, in four stages:
#   1. set up, build (Release) and run the test suite with ctest;
#   2. the suite again under AddressSanitizer + UndefinedBehaviorSanitizer,
#      and the parallel engine and model tests under ThreadSanitizer;
#   3. the scenario-loader fuzzer for FUZZ_SECONDS (default 60).
# For a quick loop while working: ctest --test-dir build
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --test-dir build --output-on-failure -j2
scripts/sanitize.sh
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
echo "stages: 3 passed, 0 failed"
