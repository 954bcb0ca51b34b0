"""Write two ILLUSTRATIVE team surveys, made for the course (no real team answered them).

* ``datasets/psykologisk_trygghet_eksempel.csv``: 12 anonymous answers to the course's Norwegian
  version of Edmondson's (1999) seven psychological-safety statements, scale 1-7. Items 1, 3 and 5
  are negatively worded, so they are answered "the other way" (8 - x). One answer is left empty on
  purpose, to show how missing answers are handled.
* ``datasets/laerende_organisasjon_eksempel.csv``: 8 anonymous answers to the course's eleven
  learning-organisation statements (u01-u11), scale 1-5.

Each respondent has a drawn level (normal distribution); each answer is that level plus a small
item offset and noise, rounded and kept inside the scale. The seed is fixed, so the files are the
same every time.

    python scripts/make_illustrative_surveys.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SEED = 20261123
DATA = Path(__file__).resolve().parent.parent / "helseinnovasjon" / "datasets"
SAFETY_OUT = DATA / "psykologisk_trygghet_eksempel.csv"
LEARNING_OUT = DATA / "laerende_organisasjon_eksempel.csv"

# Psychological safety: 12 respondents, 7 items (1-7); items 1, 3, 5 are reverse-worded.
SAFETY_RESPONDENTS = 12
SAFETY_OFFSETS = [0.0, -0.3, 0.4, -0.7, -1.0, 0.3, 0.1]  # item 5 (asking for help) lowest
SAFETY_REVERSED = {1, 3, 5}
SAFETY_MISSING = (7, 4)  # respondent 7 skipped item 4

# Learning organisation: 8 respondents, 11 items (1-5); leadership items a little higher.
LEARNING_RESPONDENTS = 8
LEARNING_OFFSETS = [0.3, 0.1, 0.2, -0.9, -0.4, -0.6, -0.2, 0.0, 0.5, -0.3, 0.2]


def _clip(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def safety_rows(seed: int = SEED) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for person in range(1, SAFETY_RESPONDENTS + 1):
        level = rng.gauss(5.0, 0.9)
        answers = []
        for item, offset in enumerate(SAFETY_OFFSETS, start=1):
            felt = _clip(level + offset + rng.gauss(0, 0.7), 1, 7)
            answer = 8 - felt if item in SAFETY_REVERSED else felt
            answers.append("" if (person, item) == SAFETY_MISSING else str(answer))
        rows.append(answers)
    return rows


def learning_rows(seed: int = SEED + 1) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for _person in range(LEARNING_RESPONDENTS):
        level = rng.gauss(3.4, 0.6)
        rows.append([str(_clip(level + offset + rng.gauss(0, 0.6), 1, 5)) for offset in LEARNING_OFFSETS])
    return rows


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"Skrev {path}")


if __name__ == "__main__":
    _write(SAFETY_OUT, [f"p{i}" for i in range(1, 8)], safety_rows())
    _write(LEARNING_OUT, [f"u{i:02d}" for i in range(1, 12)], learning_rows())
