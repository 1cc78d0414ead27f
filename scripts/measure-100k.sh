#!/usr/bin/env bash
# Measures issue 16's table as a user would: the release binary, whole process
# (/usr/bin/time), and the running window under Xvfb (its own ATTAIN_REPORT_TIMES report and
# /proc/PID/status). Prints one line per row.
#
#   bash scripts/measure-100k.sh [WORKDIR]
#
# Builds the release binary and examples/synth_org first (about 30 minutes clean), writes a
# 100,000-person org file (20 achievements each), a 100,000-row users file and a 100,000-row
# Trainings export (../shared/fixtures/*/make_large.py) into WORKDIR (default: a temporary
# folder). Needs python3, GNU time, and xvfb-run for the window rows.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
fixtures="$here/../shared/fixtures"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cargo build --release --bin attain --example synth_org --manifest-path "$here/Cargo.toml"
attain="$here/target/release/attain"
cd "$work"
[ -f org.org.ron ] || "$here/target/release/examples/synth_org" competencies 100000 org.org.ron
[ -f users.csv ] || python3 "$fixtures/users/make_large.py" users.csv > /dev/null
[ -f trainings.csv ] || python3 "$fixtures/trainings/make_large.py" trainings.csv > /dev/null
echo "org file $(du -m org.org.ron | cut -f1) MB, users $(du -m users.csv | cut -f1) MB, trainings $(du -m trainings.csv | cut -f1) MB in $work"

# Runs a command under GNU time three times, each after PREPARE (a shell command that puts
# back what the command changes); prints "ROW: median wall s (fastest-slowest), peak MiB".
# Three, because this machine's timings vary by a tenth from run to run.
timed() {
    local row="$1" prepare="$2" walls=() peak=0
    shift 2
    for _ in 1 2 3; do
        eval "$prepare"
        /usr/bin/time -f "%e %M" -o time.out "$@" > /dev/null
        read -r wall kb < time.out
        walls+=("$wall")
        peak=$((kb > peak ? kb : peak))
    done
    mapfile -t walls < <(printf '%s\n' "${walls[@]}" | sort -n)
    printf '%-44s %6.2f s (%.2f-%.2f)  %5d MiB\n' "$row" "${walls[1]}" "${walls[0]}" \
        "${walls[2]}" $((peak / 1024))
}

timed "attain load (100k org file)" "rm -f big.attain*" \
    "$attain" load org.org.ron --db big.attain
timed "attain eval (100k org file)" "" "$attain" eval org.org.ron --as-of 2018-06-01
org="$(sed -n 's/^    name: "\(.*\)",$/\1/p' org.org.ron | head -1)"
timed "attain report award (100k organisation)" "" \
    "$attain" report award --org "$org" --as-of 2018-06-01 -o award.pdf --db big.attain
rm -f small-base.attain*
"$attain" load "$here/assets/demo/contoso.org.ron" --db small-base.attain > /dev/null
demo="Contoso Italia S.r.l."
timed "attain import users, 100k rows (+ log)" \
    "rm -f small.attain* credentials.csv; cp small-base.attain small.attain" \
    "$attain" import users users.csv --org "$demo" --db small.attain --credentials-log credentials.csv
timed "attain import trainings --dry-run, 100k rows" "" \
    "$attain" import trainings trainings.csv --org "$demo" --db small-base.attain --dry-run
timed "attain import trainings, 100k rows" "rm -f small2.attain*; cp small-base.attain small2.attain" \
    "$attain" import trainings trainings.csv --org "$demo" --db small2.attain

if command -v xvfb-run > /dev/null; then
    # Opens the window on workspace $1 under Xvfb (its own report in window.log, ms from
    # process start), waits $2 s for it to settle, and sets pid, rss (resident MiB) and split:
    # anonymous (attain's data, the GL driver's buffers) and file pages (the program and the
    # shared libraries, mostly Mesa's software renderer and its LLVM), with Mesa's share.
    settled_window() {
        rm -rf state && mkdir state
        XDG_DATA_HOME="$work/state" ATTAIN_REPORT_TIMES=1 \
            xvfb-run -a -s "-screen 0 1280x800x24" "$attain" --db "$1" 2> window.log &
        sleep "$2"
        pid="$(pgrep -n -f "$attain --db $1" || true)"
        rss="$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2> /dev/null || echo '?')"
        split="$(awk '/RssAnon|RssFile|RssShmem/ {printf "%s %d MiB, ", $1, $2 / 1024}' \
            "/proc/$pid/status" 2> /dev/null || true)"
        split+="of which Mesa and LLVM $(awk '/^[0-9a-f]+-[0-9a-f]+ / {lib = ($6 ~ /libLLVM|_dri\.so/)}
            /^Rss:/ && lib {kb += $2} END {print int(kb / 1024)}' "/proc/$pid/smaps" 2> /dev/null) MiB"
        kill "$pid" 2> /dev/null || true
        wait || true
    }
    # The window on the 100k organisation: when its list is shown and evaluated, then its
    # resident memory once it has settled.
    settled_window big.attain 15
    shown="$(sed -n 's/^organisation shown after \([0-9]*\) ms$/\1/p' window.log | head -1)"
    evaluated="$(sed -n 's/^evaluated after \([0-9]*\) ms$/\1/p' window.log | head -1)"
    printf '%-44s %6s ms (evaluated after %s ms)\n' "window: 100k list shown" "$shown" "$evaluated"
    printf '%-44s %6s MiB (%s)\n' "window: resident memory after 15 s" "$rss" "$split"
    grep "slow frame" window.log || echo "window: no frame over 50 ms while opening"
    # The floor: the same window holding the demo organisation (20 people).
    settled_window small-base.attain 10
    printf '%-44s %6s MiB (%s)\n' "window: demo organisation, for comparison" "$rss" "$split"
fi
