#!/usr/bin/env bash
# Installs the Debian 12 packages roicast needs to build and test.
# A no-op (no apt-get call at all) when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build
  libboost-math-dev libboost-random-dev
  libeigen3-dev libtbb-dev nlohmann-json3-dev
  libgtest-dev libbenchmark-dev librandom123-dev libcli11-dev libhwy-dev
  python3 python3-jsonschema
  clang libclang-rt-14-dev
  libxlsxwriter-dev pkg-config libcpp-httplib-dev
  chromium chromium-driver python3-selenium
  python3-openpyxl python3-pandas python3-matplotlib python3-numpy python3-scipy
  jupyter-nbconvert python3-ipykernel python3-nbclient
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
