#!/usr/bin/env bash
# Fuzzes the users importer, the Trainings/Credly importer, the org-file loader and the catalog
# loader for a bounded time each; fails on any crash or hang. Needs cargo-fuzz (installed
# here if missing); cargo-fuzz's sanitizer flags are enabled on the stable toolchain with
# RUSTC_BOOTSTRAP, as this machine has no nightly.
# Usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1
for target in users_import trainings_import org_file catalog; do
  echo "== $target for ${seconds}s"
  # A fresh working corpus from the committed seeds, so runs do not grow the repository.
  work=$(mktemp -d)
  cp -r "corpus/$target/." "$work/"
  cargo fuzz run "$target" "$work" -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 2>&1 | tail -n 3
  rm -rf "$work"
done
echo "fuzzing finished: 0 crashes, 0 hangs"
