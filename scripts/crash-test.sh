#!/usr/bin/env bash
# Crash safety. Imports a 100,000-row users file and kills attain with SIGKILL at a random
# moment, RUNS times; after each kill the workspace must pass SQLite's integrity check and hold
# either the employees it had before or those plus the file's 100,000, never a count in
# between. Then RUNS bursts of single-employee edits through the store API
# (attain-edit-burst), killed at random: integrity ok, and every acknowledged edit is there.
# Usage: crash-test.sh [--runs N]   (ATTAIN_BIN / ATTAIN_EDIT_BURST_BIN: the binaries to use)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=50
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N]" >&2; exit 2 ;;
  esac
done
BIN="${ATTAIN_BIN:-target/debug/attain}"
BURST="${ATTAIN_EDIT_BURST_BIN:-target/debug/attain-edit-burst}"
[ -x "$BIN" ] && [ -x "$BURST" ] || cargo build --quiet --bins
ORG="Contoso Italia S.r.l."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

awk 'BEGIN { print "First name,Last name,Display name,Email";
  for (i = 0; i < 100000; i++) printf "Crash%d,Test,Crash%d Test,crash%d@contoso.it\n", i, i, i }' \
  > "$WORK/users.csv"
"$BIN" --db "$WORK/base.attain" load assets/demo/contoso.org.ron >/dev/null

# Employees of the organisation, after the integrity check (which must pass).
count() {
  local out
  out=$("$BIN" --db "$1" check) || { echo "FAIL: $out" >&2; exit 1; }
  printf '%s\n' "$out" | awk -F'\t' -v org="$ORG" '$1 == org { print $2 }'
}
fresh() {
  rm -f "$WORK"/ws.attain*
  cp "$WORK/base.attain" "$WORK/ws.attain"
}
BEFORE=$(count "$WORK/base.attain")

# How long one whole import takes, so kills land before, during and after the commit.
fresh
start=$(date +%s%N)
"$BIN" --db "$WORK/ws.attain" import users "$WORK/users.csv" --org "$ORG" \
  --credentials-log "$WORK/log.csv" >/dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$(count "$WORK/ws.attain")" -eq $((BEFORE + 100000)) ] || { echo "FAIL: full import" >&2; exit 1; }

rolled_back=0; committed=0
for run in $(seq "$RUNS"); do
  fresh
  delay_ms=$(( RANDOM % (full_ms + full_ms / 5 + 1) ))
  "$BIN" --db "$WORK/ws.attain" import users "$WORK/users.csv" --org "$ORG" \
    --credentials-log "$WORK/log.csv" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  n=$(count "$WORK/ws.attain")
  if [ "$n" -eq "$BEFORE" ]; then
    rolled_back=$((rolled_back + 1))
  elif [ "$n" -eq $((BEFORE + 100000)) ]; then
    committed=$((committed + 1))
  else
    echo "FAIL: run $run, killed after ${delay_ms} ms: $n employees (before $BEFORE)" >&2
    exit 1
  fi
done
# Kills land before the commit and after it (the delays span 0 to 1.2 times a whole import):
# with 10 runs or more, both outcomes must have been seen, or the test tested too little.
if [ "$RUNS" -ge 10 ] && { [ "$rolled_back" -eq 0 ] || [ "$committed" -eq 0 ]; }; then
  echo "FAIL: $rolled_back rolled back, $committed committed: the kills missed one side of the commit" >&2
  exit 1
fi
echo "users import: $RUNS SIGKILL runs (full import ${full_ms} ms): $rolled_back rolled back, $committed committed, 0 partial; integrity ok every time"

lost=0; bursts_ok=0; total_acked=0
for run in $(seq "$RUNS"); do
  fresh
  "$BURST" "$WORK/ws.attain" "$ORG" 100000 > "$WORK/burst.out" 2> "$WORK/burst.err" &
  pid=$!
  sleep "0.$(printf '%03d' $(( RANDOM % 1000 )))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  acked=$(tail -n 1 "$WORK/burst.out" | awk '{ print $2 + 0 }')
  total_acked=$((total_acked + acked))
  # The helper ends only by the kill: an error of its own is a failure.
  if [ -s "$WORK/burst.err" ]; then
    echo "FAIL: burst $run: $(cat "$WORK/burst.err")" >&2
    exit 1
  fi
  n=$(count "$WORK/ws.attain")
  # Every acknowledged edit is there; at most the one in flight besides.
  if [ "$n" -lt $((BEFORE + acked)) ] || [ "$n" -gt $((BEFORE + acked + 1)) ]; then
    echo "FAIL: burst $run: $acked acknowledged, $n employees (before $BEFORE)" >&2
    lost=$((lost + 1))
  else
    bursts_ok=$((bursts_ok + 1))
  fi
done
[ "$lost" -eq 0 ] || exit 1
[ "$total_acked" -gt 0 ] || { echo "FAIL: no burst acknowledged an edit" >&2; exit 1; }
echo "edit bursts: $RUNS SIGKILL runs: $bursts_ok consistent (every acknowledged edit kept, $total_acked in all), integrity ok every time"
