#!/usr/bin/env bash
# Debian packages the tests use: Chromium's headless shell for the browser tests (the full browser
# for the screenshot script and the PDF bench), poppler-utils to read PDFs back, a CJK font so
# Chromium's screenshots show Chinese. Installed only when missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || need+=(chromium-headless-shell)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Not `grep -q`: it stops reading at the first match, fc-list dies of SIGPIPE, and under pipefail
# the font counted as missing, so every run paid apt-get update and a reinstall (~60 s).
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "Missing Debian packages: ${need[*]}. Install them as root: apt-get install -y ${need[*]}" >&2
	exit 1
fi
echo "Installing ${need[*]}…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
