#!/usr/bin/env bash
# The test suite needs Debian's Chromium (browser tests) and PostgreSQL 15 (the DB suite runs
# on both engines). As root we install what is missing; otherwise we stop with one clear line.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
pg_found=""
for v in 17 16 15; do [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && pg_found=1; done
[ -n "$pg_found" ] || missing+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
