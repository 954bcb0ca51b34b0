#!/usr/bin/env bash
# Regenerate requirements.txt (every package pinned) from the top-level pins in requirements.in.
# Run after changing requirements.in; then run `make test` and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3.11 -m venv "$tmp/venv" 2>/dev/null || python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q -r requirements.in
"$tmp/venv/bin/pip" check
{
  echo "# Låste versjoner av alt kurset trenger (generert fra requirements.in med scripts/lock-requirements.sh)."
  echo "# Pinned versions of everything, generated from requirements.in. Do not edit by hand."
  "$tmp/venv/bin/pip" freeze --exclude-editable
  echo "# The course package itself, so that notebooks (also on Binder) can import it."
  echo "-e ."
} > requirements.txt
echo "requirements.txt oppdatert."
