"""Write datasets/eksempel_kjoreark.csv: an ILLUSTRATIVE run-chart data set, made for the course.

Weekly share (%) of medication rounds in a home-care district that start more than 30 minutes
late: 12 weeks before and 12 weeks after a change in how the rounds are planned. The numbers are
drawn from normal distributions (mean 18 % before, 11 % after, sd 2.5) with a fixed seed, so the
file is the same every time. They describe no real service.

    python scripts/make_illustrative_runchart.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SEED = 20261123
OUT = Path(__file__).resolve().parent.parent / "helseinnovasjon" / "datasets" / "eksempel_kjoreark.csv"


def rows(seed: int = SEED) -> list[tuple[int, float]]:
    rng = random.Random(seed)
    return [(week, round(max(0.0, rng.gauss(18.0 if week <= 12 else 11.0, 2.5)), 1)) for week in range(1, 25)]


if __name__ == "__main__":
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["uke", "andel_forsinket_prosent"])
        writer.writerows(rows())
    print(f"Skrev {OUT}")
