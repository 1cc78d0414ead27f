#!/usr/bin/env bash
# Builds and runs attain on the embedded demo organisation.
# Usage: bash scripts/run.sh [attain arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh run
cargo run --release --locked -- "$@"
