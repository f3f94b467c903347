#!/usr/bin/env bash
# Installs every Debian package Diffusion Lab needs to build, run and test, when it is missing.
# Idempotent and quiet when everything is already there. Needs root (or sudo) only when installing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev
  libqt6svg6
  libqcustomplot-dev libeigen3-dev libgif-dev
  libbenchmark-dev
  fonts-dejavu-core
  qt6-l10n-tools qt6-tools-dev   # lupdate/lrelease and Qt's LinguistTools CMake package (translations)
  qt6-translations-l10n          # Qt's own zh_CN words (standard buttons, file dialogs)
  fonts-wqy-microhei             # a CJK font (5 MB), so the Chinese window renders on a fresh machine
  xvfb xauth
  clang libclang-rt-14-dev  # the sanitizer build and the libFuzzer harnesses (tests/fuzz)
  clang-format              # scripts/check-format.sh, run by scripts/test.sh
  ffmpeg
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "bootstrap: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
