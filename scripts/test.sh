#!/usr/bin/env bash
# Runs every check and test of attain on a fresh Debian 12 machine with the Rust toolchain:
# installs what the tests need, then format, lints, the test suite.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: gcc for the bundled SQLite, Mesa for the window, Xvfb, xdotool and
# ImageMagick for the real-window test, poppler and CUPS with cups-pdf for the PDF and print tests,
# Mesa's software Vulkan for the image snapshots.
bash scripts/install-deps.sh test
# CUPS has no systemd here: start cupsd by hand with the attain-pdf printer (the print tests
# run this too, so a single test can be run on its own).
bash scripts/cups.sh

command -v cargo-nextest >/dev/null || cargo install --locked cargo-nextest
rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt clippy

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
# Mesa prints a warning without it; each real-window test starts its own Xvfb.
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
cargo nextest run --locked --no-fail-fast
# The image snapshots, behind their feature (wgpu on Mesa llvmpipe).
bash scripts/snapshots.sh
