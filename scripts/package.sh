#!/usr/bin/env bash
# Builds the Debian package dist/attain_<version>_<arch>.deb: the release binary (stripped),
# the desktop entry, icons, AppStream metainfo and the MIME type of org files, then checks it
# (scripts/check-package.sh). Installs what it needs first (install-deps.sh package).
#
#   bash scripts/package.sh                  the release package, in dist/
#   bash scripts/package.sh --binary FILE --out DIR --fast
#                                            package FILE instead of building (the tests use
#                                            the debug binary), uncompressed, into DIR
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY="" OUT="dist" FAST=0
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) BINARY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --fast) FAST=1; shift ;;
    *) echo "package.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
ID=io.github.attain.attain
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
ARCH=$(dpkg --print-architecture)

if [ -z "$BINARY" ]; then
  bash scripts/install-deps.sh package
  start=$(date +%s)
  cargo build --release --locked
  echo "release build: $(( $(date +%s) - start )) s"
  BINARY=target/release/attain
fi

ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
install -d "$ROOT/DEBIAN" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
  "$ROOT/usr/share/metainfo" "$ROOT/usr/share/mime/packages" "$ROOT/usr/share/doc/attain" \
  "$ROOT/usr/share/icons/hicolor/scalable/apps"
# Stripped: the release binary carries line tables for profiling (Cargo.toml).
strip --strip-all -o "$ROOT/usr/bin/attain" "$BINARY"
chmod 755 "$ROOT/usr/bin/attain"
install -m 644 "assets/package/$ID.desktop" "$ROOT/usr/share/applications/"
install -m 644 "assets/package/$ID.metainfo.xml" "$ROOT/usr/share/metainfo/"
install -m 644 assets/package/attain-mime.xml "$ROOT/usr/share/mime/packages/$ID.xml"
install -m 644 assets/package/attain.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/$ID.svg"
for size in 48 64 128 256; do
  install -d "$ROOT/usr/share/icons/hicolor/${size}x${size}/apps"
  install -m 644 "assets/package/attain-$size.png" "$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/$ID.png"
done
install -m 644 assets/package/copyright "$ROOT/usr/share/doc/attain/copyright"

# libc6 at the newest symbol version the binary uses; the rest from assets/package/depends.
GLIBC=$(objdump -T "$BINARY" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
DEPENDS="libc6 (>= $GLIBC), libgcc-s1"
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  DEPENDS="$DEPENDS, $line"
done < assets/package/depends
SIZE=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: attain
Version: $VERSION
Architecture: $ARCH
Maintainer: The attain developers <attain@users.noreply.github.com>
Installed-Size: $SIZE
Depends: $DEPENDS
Recommends: cups-client
Section: misc
Priority: optional
Homepage: https://github.com/attain/attain
Description: offline tracker of partner competencies, memberships and renewals
 attain gives the administrator of a software vendor's partner organisation one
 offline window on its competencies: employees and their certifications, every
 competency path with live progress, membership and renewal alerts, bulk user
 imports, what-if, a forward timeline, a plan and printed award summaries, in
 English and Italian. Org files (*.org.ron) open with it.
CONTROL
# The desktop, icon and MIME databases are refreshed by their packages' dpkg triggers.
mkdir -p "$OUT"
DEB="$OUT/attain_${VERSION}_${ARCH}.deb"
if [ "$FAST" = 1 ]; then
  dpkg-deb --root-owner-group -Znone --build "$ROOT" "$DEB" >/dev/null
else
  dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$DEB" >/dev/null
fi
echo "$DEB: $(du -h "$DEB" | cut -f1), /usr/bin/attain $(( $(stat -c %s "$ROOT/usr/bin/attain") / 1048576 )) MiB"
bash scripts/check-package.sh "$DEB"
