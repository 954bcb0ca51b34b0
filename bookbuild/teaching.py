"""Zips that run on their own: one per course week for teachers, one per notebook for the website.

A week's bundle has the student versions of that week's notebooks (outputs cleared, cells tagged
``losning`` removed), the course package with its data, the quiz files, the pinned run requirements,
the double-clickable starters and a Norwegian instruction sheet: upload it to Canvas as it is. A
notebook's zip (the download on its page) has the notebook, the course package as a wheel, the run
requirements, the starters and the same instructions.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from helseinnovasjon import data
from helseinnovasjon.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SOLUTION_TAG = "losning"
PLAN_TABLE = "kursplan"
# Everything a notebook may read besides itself, relative to the repository root.
SUPPORT = ["helseinnovasjon", "book/quiz", "pyproject.toml"]
# What makes a folder of notebooks run on a participant's own machine.
RUN_SUPPORT = ["requirements-run.txt", "start"]


def student_notebook(notebook: dict) -> dict:
    """A copy without solution cells (tag ``losning``), outputs, execution counts or widget state."""
    result = copy.deepcopy(notebook)
    cells = []
    for cell in result["cells"]:
        if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        cells.append(cell)
    result["cells"] = cells
    result.get("metadata", {}).pop("widgets", None)
    return result


def week_plan(plan: pd.DataFrame, week: int | str) -> pd.DataFrame:
    """The course plan rows of one week, or a Norwegian error listing the weeks there are."""
    try:
        number = int(str(week).strip().removeprefix("uke").removeprefix("v.").strip())
    except ValueError:
        number = None
    rows = plan[plan["uke"] == number]
    if rows.empty:
        weeks = ", ".join(str(w) for w in plan["uke"].drop_duplicates())
        raise InputError(f"kursplanen har ingen uke «{week}»", f"Velg en av ukene {weeks}.")
    return rows


def instructions(rows: pd.DataFrame) -> str:
    """The Norwegian instruction sheet (LES-MEG.md) for one week's bundle."""
    week, theme = rows["uke"].iloc[0], rows["tema"].iloc[0]

    def items(kind: str) -> list[str]:
        return rows.loc[rows["type"] == kind, "ref"].tolist()

    notebooks = [f"- `{Path(ref).name}.ipynb`" for ref in items("kjør")] or ["- (ingen notatbøker denne uka)"]
    reading = [f"- {ref}" for ref in items("les")] or ["- (ingen kapitler denne uka)"]
    tasks = [f"- {ref}" for ref in items("oppgave")] or ["- (ingen oppgaver denne uka)"]
    return "\n".join(
        [
            f"# Uke {week}: {theme}",
            "",
            "Denne pakken har notatbøkene du skal kjøre før samlingen, og alt de trenger for å virke.",
            "",
            "## Notatbøker (i mappen notebooks)",
            *notebooks,
            "",
            "## Les i kursboka",
            *reading,
            "",
            "## Oppgaver (i kursboka)",
            *tasks,
            "",
            *how_to_run(),
            "## Personvern",
            "",
            "Skriv aldri inn navn eller andre opplysninger som kan identifisere tjenestemottakere, pasienter eller kolleger.",
            "Det du skriver inn på din egen maskin, blir der.",
            "",
        ]
    )


def how_to_run() -> list[str]:
    """How to run the notebooks of an unpacked bundle, in Norwegian (for LES-MEG.md)."""
    return [
        "## Slik kjører du notatbøkene",
        "",
        "**På din egen PC eller Mac:** Pakk ut hele zip-filen (på Windows: høyreklikk og velg «Pakk ut alle»).",
        "Åpne mappen `start` og dobbeltklikk på starteren for maskinen din: `Start kursboka (Windows).cmd`,",
        "`Start kursboka (macOS).command` eller `start-kursboka-linux.sh`. Første gang lager starteren et eget",
        "Python-miljø; det tar noen minutter og trenger internett. Deretter åpnes notatbøkene i nettleseren.",
        "Du trenger Python 3.11 eller nyere (på Windows fra python.org). Mangler det, sier starteren fra.",
        "",
        "**På institusjonens JupyterHub:** Last opp zip-filen og pakk den ut. Åpne en terminal i mappen og skriv",
        "`pip install -r requirements-run.txt`, og deretter `pip install helseinnovasjon-*.whl` (eller",
        "`pip install .` hvis mappen har en mappe som heter `helseinnovasjon`). Åpne så en notatbok i `notebooks`.",
        "",
        "Kjør cellene ovenfra og ned med Shift + Enter. Får du en rød boks med «Obs!», står det hva du skal rette.",
        "Det du lagrer, havner i `mitt-prosjekt.json` i mappen `notebooks`. Ta en kopi av den filen hver uke.",
        "",
    ]


def _copy_support(items: list[str], folder: Path, root: Path) -> None:
    for item in items:
        source = root / item
        if source.is_dir():
            shutil.copytree(source, folder / item, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            (folder / item).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / item)


def _zip(folder: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".tmp")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, path.relative_to(folder.parent))
    partial.replace(target)  # a half-written zip is never served
    return target


def support_mtime(root: Path = ROOT) -> float:
    """When the run support (requirements, starters) last changed: a notebook's zip older than this is stale."""
    paths = [
        p for item in RUN_SUPPORT for p in ([root / item] if (root / item).is_file() else (root / item).rglob("*"))
    ]
    return max((p.stat().st_mtime for p in paths if p.exists()), default=0.0)


def notebook_bundle(source: Path, target: Path, *, wheel: Path, root: Path = ROOT) -> Path:
    """Write ``target`` (a zip): the notebook, the course package as a wheel, the run requirements,
    the starters and LES-MEG.md, in one folder named after the notebook."""
    notebook = json.loads(source.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    title = next(
        (
            "".join(c["source"]).splitlines()[0].lstrip("# ").strip()
            for c in notebook["cells"]
            if c["cell_type"] == "markdown" and c["source"]
        ),
        source.stem,
    )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / source.stem
        (folder / "notebooks").mkdir(parents=True)
        (folder / "notebooks" / source.name).write_text(
            json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        shutil.copy2(wheel, folder / wheel.name)
        _copy_support(RUN_SUPPORT, folder, root)
        (folder / "LES-MEG.md").write_text(
            "\n".join(
                [
                    f"# {title}",
                    "",
                    f"Denne mappen har notatboka `{source.name}` og alt den trenger for å kjøre på din egen maskin:",
                    "kurspakken med dataene (`"
                    + wheel.name
                    + "`), de låste pakkeversjonene (`requirements-run.txt`) og",
                    "startere i mappen `start`.",
                    "",
                    *how_to_run(),
                    "## Personvern",
                    "",
                    "Skriv aldri inn navn eller andre opplysninger som kan identifisere tjenestemottakere, pasienter eller "
                    "kolleger.",
                    "Det du skriver inn på din egen maskin, blir der.",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        return _zip(folder, target)


def make_bundle(week: int | str, destination: Path, *, root: Path = ROOT) -> Path:
    """Write ``uke-<week>.zip`` into ``destination`` and return its path."""
    rows = week_plan(data.load_table(PLAN_TABLE, root / "helseinnovasjon" / "datasets"), week)
    number = int(rows["uke"].iloc[0])
    name = f"uke-{number}"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / name
        (folder / "notebooks").mkdir(parents=True)
        for ref in rows.loc[rows["type"] == "kjør", "ref"]:
            source = root / f"{ref}.ipynb"
            notebook = json.loads(source.read_text(encoding="utf-8"))
            (folder / "notebooks" / source.name).write_text(
                json.dumps(student_notebook(notebook), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        _copy_support(SUPPORT + RUN_SUPPORT, folder, root)
        (folder / "LES-MEG.md").write_text(instructions(rows), encoding="utf-8")
        return _zip(folder, destination / f"{name}.zip")
