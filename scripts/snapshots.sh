#!/usr/bin/env bash
# Image snapshots of the window (tests/snapshots.rs): wgpu on Mesa's software Vulkan
# (lavapipe), no GPU and no display needed. UPDATE_SNAPSHOTS=1 accepts changed images.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
export TZ=UTC
cargo nextest run --locked --features snapshots --test snapshots
