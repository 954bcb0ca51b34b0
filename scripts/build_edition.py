"""Build the student edition of the book (no solutions) or the teacher edition (with them).

    python scripts/build_edition.py student   ->  _build/student/_build/html
    python scripts/build_edition.py teacher   ->  _build/html (the normal build)

The student edition is the same book built with sphinx-exercise's ``hide_solutions``, so
solution boxes are left out of the pages (and the search index), not just folded away.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"student": ROOT / "_build" / "student", "teacher": ROOT}


def edition_config(config: dict, edition: str) -> dict:
    """The book's _config.yml, adjusted for one edition (pure: returns a new dict)."""
    if edition not in EDITIONS:
        raise SystemExit(f"Ukjent utgave «{edition}». Velg student eller teacher.")
    result = yaml.safe_load(yaml.safe_dump(config))
    sphinx_config = result.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config["hide_solutions"] = edition == "student"
    if edition == "student":
        result["title"] = f"{config['title']} (studentutgave)"
    return result


def main(edition: str) -> int:
    config = edition_config(yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8")), edition)
    out = EDITIONS[edition]
    out.mkdir(parents=True, exist_ok=True)
    config_path = ROOT / "_build" / f"_config-{edition}.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "-W", "-n", "--keep-going",
               "--config", str(config_path)]
    if edition == "student":
        command += ["--path-output", str(out)]
    done = subprocess.run(command, cwd=ROOT)
    if done.returncode == 0:
        print(f"Utgaven «{edition}» er bygd: {out / '_build' / 'html' / 'index.html'}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "student"))
