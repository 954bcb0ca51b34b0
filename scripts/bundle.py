"""Write the assignment bundle (a zip of student notebooks) for one course week.

python scripts/bundle.py 36     ->  _build/oppgavepakker/uke-36.zip   (or: make bundle UKE=36)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bookbuild/ sits next to this folder

from bookbuild import teaching
from helseinnovasjon.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def main(week: str) -> int:
    try:
        path = teaching.make_bundle(week, ROOT / "_build" / "oppgavepakker")
    except InputError as error:
        print(f"Fant ikke uka: {error}", file=sys.stderr)
        return 1
    print(f"Oppgavepakken er klar: {path}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("Skriv hvilken kursuke pakken gjelder, for eksempel: make bundle UKE=36")
    sys.exit(main(sys.argv[1]))
