#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium;
# `playwright install` cannot download browsers here). Needs root or sudo.
set -euo pipefail
packages=(chromium fonts-dejavu-core)
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
else
  echo "Nettlesertestene trenger Chromium. Installer pakken 'chromium' (for eksempel: sudo apt-get install chromium) og kjør make test igjen." >&2
  exit 1
fi
command -v chromium >/dev/null && echo "Chromium er installert: $(chromium --version)"
