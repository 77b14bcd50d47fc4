#!/usr/bin/env bash
# Installs what is missing, then configures and builds roicast (Release) in
# build/ with the "release" preset of CMakePresets.json. PRESET=release-ci
# also requires every Python report check (scripts/test.sh sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
preset="${PRESET:-release}"
bash scripts/configure.sh "$preset"
cmake --build --preset "$preset" -j"$(nproc)"
