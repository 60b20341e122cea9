#!/usr/bin/env bash
# Installs the Debian packages the integration tests run for real. Idempotent; quiet when present.
set -euo pipefail

need=()
python3 -m pytest --version >/dev/null 2>&1 || /usr/bin/python3 -m pytest --version >/dev/null 2>&1 || need+=(python3-pytest)

if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
# Fail loudly here rather than let the integration tests skip.
python3 -m pytest --version || /usr/bin/python3 -m pytest --version
