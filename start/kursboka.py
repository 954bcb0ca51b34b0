"""Start the course book's notebooks in JupyterLab, creating the environment the first time.

Called by the double-clickable starters next to this file (Windows, macOS, Linux) with a
Python they have checked is 3.11 or newer. Standard library only. Everything the participant
sees is Norwegian bokmål.

The environment is a virtualenv in ``<course folder>/.kursmiljo``. It is built in a new folder
(``.kursmiljo-ny-<pid>``) and only renamed to ``.kursmiljo`` once every package is installed and a
completion mark is written, so a failure (no network, a closed window) leaves the old working
environment or none, never half of one. The mark holds a fingerprint of the pinned requirements,
the course package and the Python version; when it no longer matches (a new version of the course
folder), the environment is rebuilt the same way, and if that fails the old one is still used.
Everything runs as ``<env>/python -m ...``, never through the console-script launchers, whose
first line names the folder the environment was built in.

Options (for testing and for helpers): ``--bare-ferdig`` builds or checks the environment and
stops before JupyterLab; ``--ingen-nettleser`` starts JupyterLab without opening a browser.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMUM = (3, 11)
TESTED = "3.11"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ENV = ROOT / ".kursmiljo"
MARK = "kursboka-ferdig.txt"
LOG = ROOT / "kursboka-installasjon.log"
REQUIREMENTS = ROOT / "requirements-run.txt"
NOTEBOOKS = ROOT / "notebooks"
WINDOWS = os.name == "nt"


def say(text: str = "") -> None:
    print(text, flush=True)


def stop(text: str, code: int = 1) -> None:
    say()
    say(text)
    sys.exit(code)


def env_python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if WINDOWS else "bin/python")


def package_source() -> Path:
    """A wheel of the course package shipped next to the notebooks, else the package folder."""
    wheels = sorted(ROOT.glob("helseinnovasjon-*.whl")) + sorted((ROOT / "pakke").glob("helseinnovasjon-*.whl"))
    if wheels:
        return wheels[-1]
    if (ROOT / "pyproject.toml").is_file() and (ROOT / "helseinnovasjon").is_dir():
        return ROOT
    stop(
        "Fant ikke kurspakken (mappen «helseinnovasjon» eller en fil helseinnovasjon-….whl).\n"
        "Pakk ut hele zip-filen på nytt, og start igjen fra mappen «start»."
    )
    raise AssertionError  # not reached


def fingerprint(source: Path) -> str:
    """Changes when the pinned requirements, the course package or the Python version change."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    digest.update(REQUIREMENTS.read_bytes())
    files = (
        [source]
        if source.is_file()
        else [
            source / "pyproject.toml",
            *sorted(
                p
                for p in (source / "helseinnovasjon").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
            ),
        ]
    )
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\n")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_complete(env: Path, expected: str | None = None) -> bool:
    mark = env / MARK
    if not (mark.is_file() and env_python(env).exists()):
        return False
    return expected is None or mark.read_text(encoding="utf-8").strip() == expected


def remove(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)


def clean_leftovers() -> None:
    """Half-built environments from a run that was stopped (closed window, power cut)."""
    for old in ROOT.glob(".kursmiljo-*"):
        if old.is_dir() and time.time() - old.stat().st_mtime > 2 * 3600:
            remove(old)


def run_logged(args: list[str], log) -> bool:
    log.write("\n$ " + " ".join(str(a) for a in args) + "\n")
    log.flush()
    done = subprocess.run([str(a) for a in args], stdout=log, stderr=subprocess.STDOUT)
    return done.returncode == 0


def build(target: Path, source: Path, stamp: str) -> bool:
    """Create a complete environment in ``target``; False (and nothing left behind) on failure."""
    say("Lager et eget Python-miljø for kursboka. Første gang tar det 2–10 minutter,")
    say("og maskinen må være koblet til internett. Ikke lukk dette vinduet.")
    ok = False
    with open(LOG, "w", encoding="utf-8") as log:
        try:
            say("  1/3 Lager miljøet …")
            ok = run_logged([sys.executable, "-m", "venv", target], log)
            python = env_python(target)
            pip = [python, "-m", "pip", "--disable-pip-version-check", "--no-input"]
            if ok:
                say("  2/3 Henter og installerer pakkene (JupyterLab, pandas, matplotlib …) …")
                ok = run_logged([*pip, "install", "--progress-bar", "off", "-r", REQUIREMENTS], log)
            if ok:
                say("  3/3 Installerer kurspakken med dataene …")
                with tempfile.TemporaryDirectory(prefix="kursboka-") as scratch:
                    if source.is_dir():
                        # Build from a copy, so nothing (build/, *.egg-info) is written into the course folder.
                        copy = Path(scratch) / "kurspakke"
                        copy.mkdir()
                        for name in ("pyproject.toml", "README.md"):
                            if (source / name).exists():
                                shutil.copy2(source / name, copy / name)
                        shutil.copytree(
                            source / "helseinnovasjon",
                            copy / "helseinnovasjon",
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                        )
                        source = copy
                    ok = run_logged([*pip, "install", "--no-deps", "--progress-bar", "off", source], log)
            if ok:
                ok = run_logged([python, "-c", "import helseinnovasjon.data, jupyterlab, ipykernel"], log)
            if ok:
                (target / MARK).write_text(stamp + "\n", encoding="utf-8")
        except OSError as error:
            log.write(f"\n{error!r}\n")
            ok = False
        finally:
            if not ok:
                remove(target)
    return ok


def install_failed() -> str:
    return (
        "Installasjonen ble ikke fullført, og det halvferdige miljøet er fjernet.\n"
        "Det vanligste er at maskinen ikke er koblet til internett, eller at nettverket\n"
        "stenger for pypi.org (spør IT-avdelingen). Koble til og start på nytt.\n"
        f"Detaljer står i filen: {LOG}"
    )


def ensure_environment() -> Path:
    source = package_source()
    stamp = fingerprint(source)
    if is_complete(ENV, stamp):
        return ENV
    clean_leftovers()
    have_old = is_complete(ENV)
    if have_old:
        say("Kursboka er oppdatert siden sist. Miljøet lages på nytt med de nye pakkene.")
    elif ENV.exists():
        remove(ENV)  # not ours to trust: no completion mark
    target = ROOT / f".kursmiljo-ny-{os.getpid()}"
    remove(target)
    if not build(target, source, stamp):
        if have_old:
            say()
            say("Fikk ikke oppdatert miljøet (se " + str(LOG) + ").")
            say("Starter med miljøet fra forrige gang i stedet.")
            return ENV
        stop(install_failed())
    if is_complete(ENV, stamp):  # another starter finished first: use its environment
        remove(target)
        return ENV
    old = ROOT / f".kursmiljo-gammel-{os.getpid()}"
    try:
        if ENV.exists():
            ENV.rename(old)
        target.rename(ENV)
    except OSError:
        if not ENV.exists() and old.exists():
            old.rename(ENV)
        remove(target)
        stop("Fikk ikke byttet til det nye miljøet. Lukk JupyterLab-vinduer som er åpne fra før,\nog start på nytt.")
    remove(old)
    say("Miljøet er klart.")
    return ENV


def main(argv: list[str]) -> int:
    if sys.version_info[:2] < MINIMUM:
        stop(
            f"Denne Python-en er for gammel ({sys.version.split()[0]}). Kursboka trenger Python {TESTED} "
            "eller nyere.\nInstaller Python 3.11 fra https://www.python.org/downloads/ og start på nytt."
        )
    if not REQUIREMENTS.is_file() or not NOTEBOOKS.is_dir():
        stop(
            "Fant ikke notatbøkene eller requirements-run.txt ved siden av mappen «start».\n"
            "Pakk ut hele zip-filen på nytt, og start igjen fra mappen «start»."
        )
    env = ensure_environment()
    if "--bare-ferdig" in argv:
        say(f"Miljøet er klart: {env}")
        return 0
    say()
    say("Starter JupyterLab. Nettleseren åpner seg med notatbøkene om et øyeblikk.")
    say("La dette vinduet stå åpent mens du arbeider. Når du er ferdig: lagre, lukk fanen i")
    say("nettleseren og trykk Ctrl+C i dette vinduet (eller lukk vinduet).")
    say(f"Prosjektfilen din (mitt-prosjekt.json) lagres i mappen: {NOTEBOOKS}")
    args = [env_python(env), "-m", "jupyterlab", f"--ServerApp.root_dir={NOTEBOOKS}"]
    if "--ingen-nettleser" in argv:
        args.append("--no-browser")
    try:
        return subprocess.run([str(a) for a in args], cwd=NOTEBOOKS).returncode
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
