#!/usr/bin/env bash
# CUPS with a PDF printer for the printing integration tests (test/integration/printing).
# Idempotent; run as root on Debian 12 with cups, printer-driver-cups-pdf and
# poppler-utils installed. There is no systemd in CI, so cupsd is started directly.
#
# Output: the queue `kiosk-pdf` (cups-pdf backend), enabled and accepting, writing
# every job to $KIOSK_CUPS_PDF_DIR (default below, which the tests also default to)
# as job_<id>-<title>.pdf.
set -euo pipefail

QUEUE="${KIOSK_CUPS_QUEUE:-kiosk-pdf}"
OUT_DIR="${KIOSK_CUPS_PDF_DIR:-/var/spool/cups-pdf/ANONYMOUS}"
CONF=/etc/cups/cups-pdf.conf
CUPSD_CONF="${KIOSK_CUPSD_CONF:-/etc/cups/cupsd.conf}"

# Sets `KEY VALUE` in a CUPS-style config file, replacing a commented or earlier line.
set_directive() {
  local file="$1" key="$2" value="$3"
  if grep -qE "^#?${key}[[:space:]]" "$file"; then
    sed -i -E "s|^#?${key}[[:space:]].*|${key} ${value}|" "$file"
  else
    echo "${key} ${value}" >>"$file"
  fi
}

# The scheduler's own settings (docs/printing.md, "CUPS and personal data"): a printed
# report carries a person's data, so CUPS must not keep its file after the job (its
# default keeps every job file for a day under /var/spool/cups).
configure_cupsd() {
  [ -f "$CUPSD_CONF" ] || { echo "ci-cups-setup: $CUPSD_CONF missing: is cups installed?" >&2; exit 2; }
  set_directive "$CUPSD_CONF" PreserveJobFiles No
}
# `--cupsd-conf-only`: apply the scheduler settings to $KIOSK_CUPSD_CONF and stop (for a
# kiosk image build, and the test of these settings).
if [ "${1:-}" = --cupsd-conf-only ]; then
  configure_cupsd
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "ci-cups-setup: run as root (sudo bash scripts/ci-cups-setup.sh)" >&2
  exit 2
fi
for tool in cupsd cupsctl lpadmin lpstat cupsenable cupsaccept; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "ci-cups-setup: $tool missing: apt-get install cups cups-client cups-bsd printer-driver-cups-pdf" >&2; exit 2; }
done
export PATH="$PATH:/usr/sbin"

# cups-pdf writes every user's jobs into one known folder, labelled with the job id,
# so a test can find its job's output without knowing which local user CUPS mapped it to.
set_conf() { set_directive "$CONF" "$1" "$2"; }
if [ -f "$CONF" ]; then
  set_conf Out "$OUT_DIR"
  set_conf AnonDirName "$OUT_DIR"
  set_conf Label 2
  # Readable by the (possibly non-root) test user whichever local user CUPS mapped the job to.
  set_conf AnonUMask 0000
  set_conf UserUMask 0022
else
  echo "ci-cups-setup: $CONF missing: is printer-driver-cups-pdf installed?" >&2
  exit 2
fi
mkdir -p "$OUT_DIR"
chmod 0777 "$OUT_DIR"

# Start the scheduler if it is not running (no systemd here), with the settings above; a
# running one is told through cupsctl, which rewrites cupsd.conf and restarts it.
if lpstat -r 2>/dev/null | grep -q 'is running'; then
  cupsctl PreserveJobFiles=No
else
  configure_cupsd
  mkdir -p /run/cups
  cupsd
fi
for _ in $(seq 1 50); do
  lpstat -r 2>/dev/null | grep -q 'is running' && break
  sleep 0.2
done
lpstat -r | grep -q 'is running' || { echo "ci-cups-setup: cupsd did not start (see /var/log/cups/error_log)" >&2; exit 1; }

# The queue: the PPD shipped with cups-pdf, else whatever lpinfo offers for it.
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
if [ -f "$PPD" ]; then
  MODEL_ARGS=(-P "$PPD")
else
  MODEL="$(lpinfo -m 2>/dev/null | grep -i 'cups-pdf' | head -n1 | cut -d' ' -f1)"
  [ -n "$MODEL" ] || { echo "ci-cups-setup: no cups-pdf PPD found" >&2; exit 1; }
  MODEL_ARGS=(-m "$MODEL")
fi
# pdftocairo as the PDF→PostScript renderer keeps CJK text extractable in cups-pdf's
# output; the default (poppler pdftops) turns CID fonts into Type 3 glyphs without text.
lpadmin -p "$QUEUE" -E -v cups-pdf:/ "${MODEL_ARGS[@]}" -o printer-error-policy=retry-job -o pdftops-renderer-default=pdftocairo
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

# A test run by a non-root user must pause and resume the queue (cupsdisable/cupsenable):
# CUPS allows that to members of its SystemGroup, looked up at request time.
if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ] && getent group lpadmin >/dev/null; then
  usermod -a -G lpadmin "$SUDO_USER" || true
fi

lpstat -p "$QUEUE"
echo "KIOSK_CUPS_QUEUE=$QUEUE"
echo "KIOSK_CUPS_PDF_DIR=$OUT_DIR"
