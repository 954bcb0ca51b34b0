#!/usr/bin/env bash
# Start kursboka: lager Python-miljøet første gang og åpner notatbøkene i JupyterLab.
# Starter for Linux (and, through the .command file beside it, for macOS). Finds a Python 3.11 or
# newer with venv, then hands over to kursboka.py (same folder), which does the rest.
cd "$(dirname "$0")" || exit 1
here=$(pwd)

pause() {  # keep a window opened by a double-click readable
  if [ -t 0 ] && [ -z "${KURSBOKA_INGEN_PAUSE:-}" ]; then
    read -r -p "Trykk Enter for å lukke vinduet." _ || true
  fi
}

too_old=""
python=""
for candidate in python3.11 python3.12 python3.13 python3.14 python3 \
    /Library/Frameworks/Python.framework/Versions/3.11/bin/python3.11 \
    /opt/homebrew/bin/python3.11 /usr/local/bin/python3.11; do
  command -v "$candidate" >/dev/null 2>&1 || continue
  if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' >/dev/null 2>&1; then
    python=$candidate
    break
  fi
  version=$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
  too_old=${too_old:-$version}
done

if [ -z "$python" ]; then
  echo
  if [ -n "$too_old" ]; then
    echo "Python på denne maskinen er for gammel (versjon $too_old). Kursboka trenger Python 3.11 eller nyere."
  else
    echo "Fant ikke Python på denne maskinen. Kursboka trenger Python 3.11 eller nyere."
  fi
  if [ "$(uname -s)" = "Darwin" ]; then
    echo "Last ned Python 3.11 fra https://www.python.org/downloads/macos/ og installer den."
  else
    echo "Installer Python 3.11 med programvaresenteret, eller i en terminal:"
    echo "  sudo apt install python3 python3-venv    (Debian, Ubuntu)"
  fi
  echo "Start så kursboka på nytt."
  pause
  exit 1
fi

if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo
  echo "Python er installert, men mangler delen som lager egne miljøer (venv)."
  echo "Installer den i en terminal, for eksempel: sudo apt install python3-venv"
  echo "Start så kursboka på nytt."
  pause
  exit 1
fi

"$python" "$here/kursboka.py" "$@"
status=$?
[ $status -eq 0 ] || pause
exit $status
