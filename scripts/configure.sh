#!/usr/bin/env bash
# scripts/configure.sh PRESET: configures a preset of CMakePresets.json. Every
# preset builds with Ninja; a build folder left by an older Makefile
# configuration is configured afresh (its objects are rebuilt) instead of
# failing on the generator change.
set -euo pipefail
cd "$(dirname "$0")/.."
for folder in build build-asan build-tsan; do
  if [[ -f "$folder/CMakeCache.txt" ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$folder/CMakeCache.txt"; then
    rm -rf "$folder/CMakeCache.txt" "$folder/CMakeFiles"
  fi
done
cmake --preset "$1" >/dev/null
