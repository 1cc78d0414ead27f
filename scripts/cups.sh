#!/usr/bin/env bash
# Starts a local CUPS (there is no systemd on the CI machine) with a cups-pdf printer named
# attain-pdf whose jobs land as PDF files in $ATTAIN_CUPS_PDF_DIR (default
# /var/spool/cups-pdf/attain). Idempotent; needs root (or sudo) and `install-deps.sh test`.
set -euo pipefail
OUT="${ATTAIN_CUPS_PDF_DIR:-/var/spool/cups-pdf/attain}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO mkdir -p "$OUT"
$SUDO chmod 1777 "$OUT"
# Every user's jobs in one folder, so the test finds them whoever runs it.
if ! grep -q "^Out $OUT\$" /etc/cups/cups-pdf.conf; then
  $SUDO sed -i '/^Out /d' /etc/cups/cups-pdf.conf
  echo "Out $OUT" | $SUDO tee -a /etc/cups/cups-pdf.conf >/dev/null
fi
if ! lpstat -r 2>/dev/null | grep -q "scheduler is running"; then
  $SUDO mkdir -p /run/cups
  $SUDO cupsd
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "scheduler is running" && break; sleep 0.2; done
fi
if ! lpstat -p attain-pdf >/dev/null 2>&1; then
  $SUDO lpadmin -p attain-pdf -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
fi
$SUDO cupsenable attain-pdf
$SUDO cupsaccept attain-pdf
# A second queue whose name a shell would run (tests/print.rs): it must stay a name.
ODD='attain-odd;touch${IFS}pwned&$(touch${IFS}pwned)`touch${IFS}pwned`'
if ! lpstat -p "$ODD" >/dev/null 2>&1; then
  $SUDO lpadmin -p "$ODD" -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
fi
$SUDO cupsenable "$ODD"
$SUDO cupsaccept "$ODD"
echo "cups: printers attain-pdf and $ODD write to $OUT"
