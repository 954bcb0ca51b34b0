"""Build the student edition of the book (no solutions) or the teacher edition (with them).

    python scripts/build_edition.py student   ->  _build/student/_build/html
    python scripts/build_edition.py teacher   ->  _build/html (the normal build)

The student edition is the same book built with sphinx-exercise's ``hide_solutions``, so
solution boxes are left out of the pages (and the search index), not just folded away; notebook
cells tagged ``losning`` are left out too, the downloadable sources are the student versions
(bookbuild.sphinxext), and the pages for teachers only (``TEACHER_ONLY``) are not built at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"student": ROOT / "_build" / "student", "teacher": ROOT}
# Pages only the teacher edition has (left out of the student edition's table of contents).
TEACHER_ONLY = {"book/laererveiledning"}


def edition_toc(toc: dict, edition: str) -> dict:
    """The table of contents for one edition (pure): the student edition drops TEACHER_ONLY."""
    result = yaml.safe_load(yaml.safe_dump(toc))
    if edition != "student":
        return result

    def keep(entries: list) -> list:
        kept = []
        for entry in entries or []:
            if entry.get("file") in TEACHER_ONLY:
                continue
            if "sections" in entry:
                entry["sections"] = keep(entry["sections"])
                if not entry["sections"]:
                    del entry["sections"]
            kept.append(entry)
        return kept

    for part in result.get("parts", []):
        part["chapters"] = keep(part.get("chapters"))
    return result


def edition_config(config: dict, edition: str) -> dict:
    """The book's _config.yml, adjusted for one edition (pure: returns a new dict)."""
    if edition not in EDITIONS:
        raise SystemExit(f"Ukjent utgave «{edition}». Velg student eller teacher.")
    result = yaml.safe_load(yaml.safe_dump(config))
    sphinx = result.setdefault("sphinx", {})
    # The edition's config file lives in _build/: local extensions are found from the book's root.
    for name, path in (sphinx.get("local_extensions") or {}).items():
        sphinx["local_extensions"][name] = str((ROOT / path).resolve())
    sphinx_config = sphinx.setdefault("config", {})
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
    command = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        str(ROOT),
        "-W",
        "-n",
        "--keep-going",
        "--config",
        str(config_path),
    ]
    if edition == "student":
        toc = edition_toc(yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8")), edition)
        toc_path = ROOT / "_build" / f"_toc-{edition}.yml"
        toc_path.write_text(yaml.safe_dump(toc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        command += ["--path-output", str(out), "--toc", str(toc_path)]
    done = subprocess.run(command, cwd=ROOT)
    if done.returncode == 0:
        print(f"Utgaven «{edition}» er bygd: {out / '_build' / 'html' / 'index.html'}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "student"))
