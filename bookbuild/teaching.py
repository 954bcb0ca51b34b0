"""For teachers: a zip per course week with the student versions of that week's notebooks.

The bundle is self-contained: the notebooks (outputs cleared, cells tagged ``losning``
removed), the course package and data they import, the quiz files, the pinned
requirements and a Norwegian instruction sheet. Upload it to Canvas or another LMS as it is.
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
SUPPORT = ["helseinnovasjon", "book/quiz", "requirements.txt", "requirements-lab.txt", "pyproject.toml"]


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
    return "\n".join([
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
        "## Slik kjører du notatbøkene",
        "",
        "**På institusjonens JupyterHub:** Last opp hele zip-filen, pakk den ut (høyreklikk og velg «Extract»,",
        "eller skriv `unzip` i en terminal), og åpne en notatbok i mappen `notebooks`. Kjør først denne linjen i en",
        "terminal i mappen du pakket ut: `pip install -r requirements.txt`.",
        "",
        "**På din egen maskin:** Pakk ut zip-filen. Åpne et terminalvindu i mappen og skriv:",
        "",
        "    python3 -m venv .venv",
        "    .venv/bin/pip install -r requirements-lab.txt",
        "    .venv/bin/jupyter lab notebooks",
        "",
        "(På Windows: `.venv\\Scripts\\pip` og `.venv\\Scripts\\jupyter`.)",
        "",
        "Kjør cellene ovenfra og ned med Shift + Enter. Får du en rød boks med «Obs!», står det hva du skal rette.",
        "",
        "## Personvern",
        "",
        "Skriv aldri inn navn eller andre opplysninger som kan identifisere tjenestemottakere, pasienter eller kolleger.",
        "Det du skriver inn på din egen maskin, blir der.",
        "",
    ])


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
                json.dumps(student_notebook(notebook), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        for item in SUPPORT:
            source = root / item
            if source.is_dir():
                shutil.copytree(source, folder / item, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif source.exists():
                (folder / item).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, folder / item)
        (folder / "LES-MEG.md").write_text(instructions(rows), encoding="utf-8")
        destination.mkdir(parents=True, exist_ok=True)
        target = destination / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, path.relative_to(folder.parent))
    return target

