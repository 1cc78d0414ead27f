#!/usr/bin/env bash
# Checks a built attain .deb: the stripped binary (at most 80 MiB) and its --version, the
# desktop entry (desktop-file-validate), the AppStream metainfo (appstreamcli validate
# --pedantic, offline), the icons, and that the MIME type maps *.org.ron to attain.
#   bash scripts/check-package.sh dist/attain_<version>_<arch>.deb
# MAX_MIB (default 80) is raised by the test that packages the debug binary.
set -euo pipefail
DEB="$1"
ID=io.github.attain.attain
X=$(mktemp -d)
trap 'rm -rf "$X"' EXIT
dpkg-deb -x "$DEB" "$X"
fail() { echo "check-package: $*" >&2; exit 1; }

BIN="$X/usr/bin/attain"
[ -x "$BIN" ] || fail "no /usr/bin/attain"
file "$BIN" | grep -q ', stripped' || fail "/usr/bin/attain is not stripped"
MIB=$(( $(stat -c %s "$BIN") / 1048576 ))
MAX_MIB=${MAX_MIB:-80}
[ "$MIB" -le "$MAX_MIB" ] || fail "/usr/bin/attain is $MIB MiB (at most $MAX_MIB)"
"$BIN" --version | grep -q "^attain $(dpkg-deb -f "$DEB" Version)$" || fail "--version"

desktop-file-validate "$X/usr/share/applications/$ID.desktop"
grep -q '^Exec=attain %f$' "$X/usr/share/applications/$ID.desktop" || fail "Exec"
grep -q '^MimeType=application/x-attain-org;$' "$X/usr/share/applications/$ID.desktop" || fail "MimeType"
appstreamcli validate --pedantic --no-net "$X/usr/share/metainfo/$ID.metainfo.xml"
for icon in scalable/apps/$ID.svg 48x48/apps/$ID.png 64x64/apps/$ID.png \
            128x128/apps/$ID.png 256x256/apps/$ID.png; do
  [ -s "$X/usr/share/icons/hicolor/$icon" ] || fail "no icon $icon"
done

# The MIME database built from the package's file alone maps the glob to the type.
MIME="$X/mime"
mkdir -p "$MIME/packages"
cp "$X/usr/share/mime/packages/$ID.xml" "$MIME/packages/"
XDG_DATA_DIRS="$X" update-mime-database "$MIME"
grep -q 'application/x-attain-org:\*\.org\.ron' "$MIME/globs2" || fail "*.org.ron glob"

dpkg-deb -f "$DEB" Depends | grep -q 'libc6' || fail "Depends"
echo "check-package: $DEB ok ($MIB MiB binary)"
