#!/usr/bin/env bash
# Regenerate the pinned requirement files from the top-level pins:
#   requirements.in     -> requirements.txt      (build the book, run the tests; used by Binder)
#   requirements-lab.in -> requirements-lab.txt  (adds JupyterLab for running notebooks locally)
# JupyterLab is kept apart: its dependency rfc3987-syntax compiles 39 grammars when jsonschema is
# imported, which adds about 3 s to every book build and every notebook run.
# Run after changing a .in file; then run `make test` and commit the .in and .txt files.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python=$(command -v python3.11 || command -v python3)
"$python" -m venv "$tmp/venv"
pip="$tmp/venv/bin/pip"
"$pip" install -q -r requirements.in
"$pip" check
"$pip" freeze --exclude-editable > "$tmp/book.txt"
{
  echo "# Låste versjoner av alt som trengs for å bygge boka og kjøre testene."
  echo "# Pinned versions, generated from requirements.in by scripts/lock-requirements.sh. Do not edit by hand."
  cat "$tmp/book.txt"
  echo "# The course package itself, so that notebooks (also on Binder) can import it."
  echo "-e ."
} > requirements.txt
"$pip" install -q -r requirements-lab.in
"$pip" check
"$pip" freeze --exclude-editable > "$tmp/lab.txt"
{
  echo "# JupyterLab for å kjøre notatbøkene på egen maskin (make lab). Alt annet står i requirements.txt."
  echo "# Pinned, generated from requirements-lab.in by scripts/lock-requirements.sh. Do not edit by hand."
  echo "-r requirements.txt"
  comm -13 <(sort "$tmp/book.txt") <(sort "$tmp/lab.txt")
} > requirements-lab.txt
echo "requirements.txt og requirements-lab.txt er oppdatert."
