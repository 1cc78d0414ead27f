#!/usr/bin/env bash
# Installs the Debian packages attain needs: `install-deps.sh run` for the window (Mesa,
# EGL, xkbcommon; the list in assets/package/depends) and its native file dialogs (the
# desktop portal with its GTK backend, and zenity, which rfd falls back to);
# `install-deps.sh package` adds the tools that build and check the .deb;
# `install-deps.sh test` adds those tools, Xvfb, xdotool, ImageMagick, poppler and CUPS with
# the cups-pdf printer for the tests, and leaves the dialogs out: the tests check the
# window's own path field, which a system without them gets.
set -euo pipefail
PACKAGES=(gcc pkg-config libgl1-mesa-dri libegl1 libegl-mesa0 libxkbcommon-x11-0 fonts-dejavu-core)
# What the window and its native dialogs need (the package's Depends; "a | b": a).
RUNTIME=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  RUNTIME+=("${line%% |*}")
done < "$(dirname "$0")/../assets/package/depends"
if [ "${1:-run}" = "run" ] || [ "${1:-run}" = "package" ]; then
  PACKAGES+=("${RUNTIME[@]}" zenity)
fi
# Building and checking the .deb (scripts/package.sh).
if [ "${1:-run}" = "package" ] || [ "${1:-run}" = "test" ]; then
  PACKAGES+=(dpkg-dev binutils file desktop-file-utils appstream shared-mime-info)
fi
if [ "${1:-run}" = "test" ]; then
  PACKAGES+=(xvfb xauth xdotool imagemagick poppler-utils cups cups-client cups-bsd printer-driver-cups-pdf mesa-vulkan-drivers libvulkan1)
fi
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
