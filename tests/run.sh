#!/usr/bin/env bash
# The whole test suite on a fresh machine: system libraries Qt needs, a virtual
# environment with the project and its test extra, the linter and the type checker, then
# pytest headless.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  fonts-dejavu-core fonts-noto-cjk fonts-lohit-deva poppler-utils xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 xdotool imagemagick dunst libglib2.0-bin)
if command -v dpkg >/dev/null && command -v apt-get >/dev/null; then
  missing=()
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

VENV=${RJ_TEST_VENV:-.venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
"$VENV/bin/python" -m pip install -q -e ".[test]"

export QT_QPA_PLATFORM=offscreen
"$VENV/bin/ruff" check relationship_journal tests
"$VENV/bin/mypy" relationship_journal
"$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
