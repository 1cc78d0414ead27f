#!/usr/bin/env bash
# Runs every check and test of attain on a fresh Debian 12 machine with the Rust toolchain:
# installs what the tests need, then format, lints, the test suite.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the tests use: gcc for the bundled SQLite; Xvfb, xdotool and ImageMagick
# for the real-window test; Mesa (software OpenGL) for the window itself; fonts for screenshots.
PACKAGES=(gcc pkg-config xvfb xauth xdotool imagemagick libgl1-mesa-dri libegl1 libegl-mesa0
  libxkbcommon-x11-0 fonts-dejavu-core)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

command -v cargo-nextest >/dev/null || cargo install --locked cargo-nextest
rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt clippy

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
# Mesa prints a warning without it; each real-window test starts its own Xvfb.
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
cargo nextest run --locked --no-fail-fast
