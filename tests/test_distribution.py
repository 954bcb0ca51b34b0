"""The course package as a real distribution, and the ways to install it outside the repository.

Fast checks: the declared dependencies are what the package imports, the requirement sets are
separate and agree on versions, the Binder and starter file sets are complete.

Slow checks (marker ``slow``): build the sdist and wheel with ``python -m build``; install the wheel
over an older copy of the package into a fresh virtual environment with the run requirements only,
and run every notebook against it from a folder outside the repository; install ``binder/requirements.txt``
the way repo2docker does (pip, from the repository root) and run the notebooks. The fresh environments
install with ``--no-index`` from the wheelhouse that ``make test`` fills once (``.venv/wheelhouse``,
``pip wheel -r requirements-run.txt``), so these tests need no network and install exactly the pins.
The Linux/macOS starter is run for real (folder with spaces and æøå, twice, no network, Python too old).
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WHEELHOUSE = Path(os.environ.get("HELSEINNOVASJON_WHEELHOUSE") or ROOT / ".venv" / "wheelhouse")
BASE_PYTHON = getattr(sys, "_base_executable", sys.executable)
TESTED_PYTHON = "3.11"
BUILD_AND_TEST_TOOLS = {
    "jupyter-book",
    "sphinx",
    "myst-nb",
    "playwright",
    "pytest",
    "nbmake",
    "frictionless",
    "axe-playwright-python",
    "sphinx-book-theme",
    "pytest-xdist",
}


def pins(path: Path) -> dict[str, str]:
    """name -> version of every ``name==version`` line of a requirements file (names normalised)."""
    return pins_from(path.read_text(encoding="utf-8"))


def pins_from(text: str) -> dict[str, str]:
    result = {}
    for line in text.splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)", line)
        if match:
            result[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return result


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[ ;]", name, maxsplit=1)[0]).lower()


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that would put the source tree or a teacher's data on the path."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "HELSEINNOVASJON_DATA", "VIRTUAL_ENV", "PYTHONHOME")
    }
    return {**env, **extra}


# --- fast checks -------------------------------------------------------------------------------


def test_declared_dependencies_are_what_the_package_imports():
    imported = set()
    for path in (ROOT / "helseinnovasjon").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    # google.colab exists only inside Google Colab, which provides it (helseinnovasjon.colab).
    third_party = {
        name for name in imported - set(sys.stdlib_module_names) if name not in ("helseinnovasjon", "google")
    }
    owners = metadata.packages_distributions()
    needed = {normal(owners[name][0]) for name in third_party}
    declared = {normal(requirement) for requirement in project()["dependencies"]}
    assert declared == needed, f"declared {sorted(declared)}, imported {sorted(needed)}"
    assert "pyyaml" not in declared, "PyYAML is only used by build code and tests"


def test_requirement_sets_are_separate_and_agree_on_versions():
    run, build, test = (
        pins(ROOT / name) for name in ("requirements-run.txt", "requirements-build.txt", "requirements.txt")
    )
    assert {"jupyterlab", "ipykernel", "jupyterquiz", "pandas", "matplotlib", "ipywidgets"} <= set(run)
    assert not BUILD_AND_TEST_TOOLS & set(run), "a participant's environment has no build or test tools"
    assert {"jupyter-book", "sphinx"} <= set(build) and not {"pytest", "playwright", "jupyterlab"} & set(build)
    assert set(build) <= set(test) and {"pytest", "nbmake", "playwright", "build", "setuptools"} <= set(test)
    assert "jupyterlab" not in test, "JupyterLab slows every build and notebook run; it is only in the run set"
    for name in set(run) & set(test):
        assert run[name] == test[name] == build.get(name, test[name]), name
    for declared in project()["dependencies"] + project()["optional-dependencies"]["lab"]:
        assert normal(declared) in run, f"{declared} is not pinned in requirements-run.txt"
    assert "-e ." in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert not (ROOT / "requirements-lab.txt").exists()


def test_binder_file_set_pins_the_tested_python_and_the_run_set():
    binder = ROOT / "binder"
    assert sorted(p.name for p in binder.iterdir()) == ["README.md", "requirements.txt", "runtime.txt"]
    assert not (ROOT / ".binder").exists(), "repo2docker refuses both binder/ and .binder/"
    assert (binder / "runtime.txt").read_text(encoding="utf-8") == f"python-{TESTED_PYTHON}\n"
    assert f"{sys.version_info[0]}.{sys.version_info[1]}" == TESTED_PYTHON, "the tests run on the pinned Python"
    workflow = (ROOT / ".github/workflows/publiser.yml").read_text(encoding="utf-8")
    assert f'python-version: "{TESTED_PYTHON}"' in workflow
    lines = [
        line
        for line in (binder / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines == ["-r ../requirements-run.txt", "."]


def test_starters_exist_for_every_platform_and_are_executable_where_needed():
    start = ROOT / "start"
    windows, mac, linux = (
        start / "Start kursboka (Windows).cmd",
        start / "Start kursboka (macOS).command",
        start / "start-kursboka-linux.sh",
    )
    for path in (windows, mac, linux, start / "kursboka.py"):
        assert path.is_file(), path
    assert os.access(mac, os.X_OK) and os.access(linux, os.X_OK)
    # Static checks of the Windows starter (it cannot run here): CRLF, the launcher, never python3.
    raw = windows.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n"), "a .cmd needs CRLF line endings (labels and goto)"
    text = raw.decode("utf-8")
    lines = text.splitlines()
    commands = [line.strip() for line in lines if not line.strip().lower().startswith(("rem", "echo", "@echo"))]
    assert "py -3.11" in text and "py -3 " in text
    assert not any(re.search(r"\bpython3?(\.exe)?\b", line, re.I) for line in commands), "only the py launcher"
    first_non_ascii = next(i for i, line in enumerate(lines) if not line.isascii())
    assert lines.index("chcp 65001 >nul") < first_non_ascii, "UTF-8 code page before the Norwegian messages"
    for label in re.findall(r"goto (\w+)", text):
        assert f"\n:{label}\r" in text, label
    assert '"%~dp0kursboka.py"' in text and "pause" in text
    attributes = (start / ".gitattributes").read_text(encoding="utf-8")
    assert "*.cmd text eol=crlf" in attributes


# --- slow checks: fresh environments -------------------------------------------------------------


def need_wheelhouse() -> Path:
    if not (WHEELHOUSE / ".complete").exists():
        pytest.fail(
            f"No wheelhouse in {WHEELHOUSE}: run `make test` (it fills it once with pip wheel), "
            "or set HELSEINNOVASJON_WHEELHOUSE"
        )
    return WHEELHOUSE


def run(args, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("env", clean_env())
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def fresh_venv(where: Path) -> Path:
    run([BASE_PYTHON, "-m", "venv", where])
    return where / "bin" / "python"


def offline_pip(python: Path, wheelhouse: Path) -> list:
    return [
        python,
        "-m",
        "pip",
        "--disable-pip-version-check",
        "--isolated",
        "install",
        "--quiet",
        "--no-compile",
        "--no-index",
        "--find-links",
        wheelhouse,
    ]


def build_distribution(source: Path, outdir: Path) -> tuple[Path, Path]:
    """sdist and wheel with `python -m build` (the wheel is built from the sdist), offline."""
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", outdir, source], cwd=outdir.parent)
    (sdist,), (wheel,) = outdir.glob("*.tar.gz"), outdir.glob("*.whl")
    return sdist, wheel


def copy_course_files(target: Path) -> Path:
    """What a participant unpacks: the notebooks and the quiz files one of them reads."""
    shutil.copytree(
        ROOT / "notebooks",
        target / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "mitt-prosjekt.json*"),
    )
    shutil.copytree(ROOT / "book" / "quiz", target / "book" / "quiz")
    return target / "notebooks"


def run_notebooks(python: Path, folder: Path, tmp_path: Path) -> None:
    """Every notebook in ``folder`` with nbmake, on a kernel of the fresh environment ``python``."""
    kernels = tmp_path / "jupyter" / "kernels" / "kurs"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "kurs",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    env = clean_env(
        JUPYTER_PATH=str(tmp_path / "jupyter"), HELSEINNOVASJON_PROSJEKT=str(tmp_path / "mitt-prosjekt.json")
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbmake",
            "--nbmake-kernel=kurs",
            "--nbmake-timeout=300",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--rootdir",
            folder.parent,
            folder,
        ],
        cwd=folder.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert f"{len(NOTEBOOKS)} passed" in done.stdout, done.stdout[-2000:]


def where_is_the_package(python: Path, cwd: Path) -> tuple[Path, Path]:
    done = run(
        [
            python,
            "-c",
            "import helseinnovasjon, helseinnovasjon.data as d; print(helseinnovasjon.__file__); print(d.DATA_DIR)",
        ],
        cwd=cwd,
    )
    module, data_dir = done.stdout.strip().splitlines()
    return Path(module), Path(data_dir)


def repository_copy(target: Path) -> Path:
    """The files of the repository (tracked, or new and not ignored), as Binder checks it out."""
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT).stdout
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def old_version_wheel(tmp_path: Path) -> Path:
    """An older version of the package, with other data and a file the new one no longer has."""
    source = tmp_path / "gammel"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "helseinnovasjon", source / "helseinnovasjon", ignore=shutil.ignore_patterns("__pycache__"))
    toml = source / "pyproject.toml"
    toml.write_text(
        re.sub(r'(?m)^version = ".*"$', 'version = "0.0.1"', toml.read_text(encoding="utf-8")), encoding="utf-8"
    )
    plan = source / "helseinnovasjon" / "datasets" / "kursplan.csv"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Oppstart", "GAMMEL"), encoding="utf-8")
    (source / "helseinnovasjon" / "datasets" / "utgaatt.csv").write_text("a\n1\n", encoding="utf-8")
    outdir = tmp_path / "gammel-dist"
    run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", outdir, source], cwd=tmp_path)
    (wheel,) = outdir.glob("*.whl")
    return wheel


@pytest.mark.slow
def test_binder_install_then_the_wheel_over_an_old_copy_runs_every_notebook_outside_the_repository(tmp_path):
    """One fresh environment of the pinned Python, outside the repository, three installs in turn:

    1. what repo2docker does with binder/: ``pip install -r binder/requirements.txt`` from the repository
       root (the run set and the package from the repository, non-editable);
    2. an older version of the package (other data, one more file), as a participant may have;
    3. the wheel ``python -m build`` makes (from the sdist), over it, with the run requirements only.
    Then every notebook runs against it from a folder outside the repository.
    """
    wheelhouse = need_wheelhouse()
    assert ROOT not in tmp_path.parents
    _sdist, wheel = build_distribution(ROOT, tmp_path / "dist")
    data_files = sorted(p.name for p in (ROOT / "helseinnovasjon" / "datasets").iterdir() if p.is_file())
    with zipfile.ZipFile(wheel) as archive:  # built from the sdist, so the sdist has the data too
        names = set(archive.namelist())
        requires = [
            line.split(":", 1)[1].strip()
            for line in archive.read(next(n for n in names if n.endswith("METADATA"))).decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
        assert (
            archive.read("helseinnovasjon/datasets/datapackage.json")
            == (ROOT / "helseinnovasjon/datasets/datapackage.json").read_bytes()
        )
    assert {f"helseinnovasjon/datasets/{name}" for name in data_files} <= names
    assert not any(n.startswith(("tests/", "bookbuild/", "notebooks/")) for n in names)
    assert {normal(r) for r in requires if "extra ==" not in r} == {normal(d) for d in project()["dependencies"]}

    python = fresh_venv(tmp_path / "venv")
    notebooks = copy_course_files(tmp_path / "kurs")

    # 1. Binder: from the repository root, build isolation on (setuptools from the wheelhouse, not PyPI).
    repo = repository_copy(tmp_path / "repo")
    run([*offline_pip(python, wheelhouse), "-r", "binder/requirements.txt"], cwd=repo)
    module, data_dir = where_is_the_package(python, repo / "notebooks")
    assert tmp_path / "venv" in module.parents, "a non-editable install, as repo2docker makes it"
    assert data_dir == module.parent / "datasets"
    run([python, "-m", "pip", "check"])

    # 2. An old copy of the package, then 3. the new wheel over it, with nothing else installed.
    run([*offline_pip(python, wheelhouse), "--no-deps", old_version_wheel(tmp_path)])
    assert (where_is_the_package(python, notebooks)[1] / "utgaatt.csv").exists()
    run([*offline_pip(python, wheelhouse), "-r", ROOT / "requirements-run.txt", wheel])
    module, data_dir = where_is_the_package(python, notebooks)
    assert tmp_path / "venv" in module.parents and ROOT not in module.parents
    assert data_dir == module.parent / "datasets"
    assert not (data_dir / "utgaatt.csv").exists(), "pip removes the old version's files"
    assert (data_dir / "kursplan.csv").read_bytes() == (ROOT / "helseinnovasjon/datasets/kursplan.csv").read_bytes()
    run([python, "-m", "pip", "check"])
    installed = pins_from(run([python, "-m", "pip", "list", "--format=freeze"]).stdout)
    assert installed.pop("helseinnovasjon") == project()["version"]
    run_pins = pins(ROOT / "requirements-run.txt")
    assert {name: installed.get(name) for name in run_pins} == run_pins, "exactly the pinned run set"
    assert set(installed) - set(run_pins) <= {"pip", "setuptools"}, "nothing but the run set and the package"
    run_notebooks(python, notebooks, tmp_path)


# --- the Linux/macOS starter, for real ---------------------------------------------------------------


def starter_copy(tmp_path: Path) -> Path:
    """The course as a participant unpacks it, in a folder with spaces and æøå."""
    root = tmp_path / "Mine filer" / "Kursbok – høst æøå"
    for item in ("start", "notebooks", "helseinnovasjon", "book/quiz"):
        shutil.copytree(
            ROOT / item,
            root / item,
            ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "mitt-prosjekt.json*"),
        )
    for name in ("pyproject.toml", "README.md", "requirements-run.txt"):
        shutil.copy2(ROOT / name, root / name)
    return root


def start(root: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(root / "start" / "start-kursboka-linux.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        stdin=subprocess.DEVNULL,
    )


def pip_env(tmp_path: Path, *, index: str | None, wheelhouse: Path | None) -> dict[str, str]:
    """pip with no configuration file, and either the wheelhouse or a dead index (no network)."""
    env = {k: v for k, v in clean_env().items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_COMPILE="1", KURSBOKA_INGEN_PAUSE="1", HOME=str(tmp_path / "home"))
    if wheelhouse:
        env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheelhouse))
    else:
        env.update(
            PIP_INDEX_URL=index or "http://127.0.0.1:9/simple", PIP_RETRIES="0", PIP_TIMEOUT="3", PIP_NO_CACHE_DIR="1"
        )
    return env


@pytest.mark.slow
def test_linux_starter_without_network_leaves_no_environment_then_builds_one_and_reuses_it(tmp_path):
    wheelhouse = need_wheelhouse()
    root = starter_copy(tmp_path)
    python_dir = Path(BASE_PYTHON).parent
    path = f"{python_dir}:/usr/bin:/bin"

    offline = start(root, {**pip_env(tmp_path, index=None, wheelhouse=None), "PATH": path}, "--bare-ferdig")
    assert offline.returncode == 1
    assert "Installasjonen ble ikke fullført" in offline.stdout and "internett" in offline.stdout
    assert not list(root.glob(".kursmiljo*")), "no half environment is left behind"
    assert "Traceback" not in offline.stdout + offline.stderr

    env = {**pip_env(tmp_path, index=None, wheelhouse=wheelhouse), "PATH": path}
    first = start(root, env, "--bare-ferdig")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Miljøet er klart" in first.stdout
    assert sorted(p.name for p in root.glob(".kursmiljo*")) == [".kursmiljo"]
    assert not (root / "build").exists() and not list(root.glob("*.egg-info")), "nothing built in the folder"
    python = root / ".kursmiljo" / "bin" / "python"
    module, data_dir = where_is_the_package(python, root / "notebooks")
    assert root / ".kursmiljo" in module.parents and data_dir.name == "datasets"

    again = start(root, {**pip_env(tmp_path, index=None, wheelhouse=None), "PATH": path}, "--bare-ferdig")
    assert again.returncode == 0 and "Lager et eget" not in again.stdout, "a second start installs nothing"

    # JupyterLab starts from the moved environment (no launcher scripts are used).
    lab = run([python, "-m", "jupyterlab", "--version"])
    assert lab.stdout.strip() == pins(ROOT / "requirements-run.txt")["jupyterlab"]

    # A new version of the course folder without network: the old environment is kept and used.
    (root / "helseinnovasjon" / "datasets" / "kursplan.csv").write_text(
        (ROOT / "helseinnovasjon/datasets/kursplan.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    update = start(root, {**pip_env(tmp_path, index=None, wheelhouse=None), "PATH": path}, "--bare-ferdig")
    assert update.returncode == 0 and "forrige gang" in update.stdout, update.stdout
    assert sorted(p.name for p in root.glob(".kursmiljo*")) == [".kursmiljo"]


@pytest.mark.parametrize("version", [None, "3.9.2"], ids=["missing", "too-old"])
def test_linux_starter_says_in_norwegian_when_python_is_missing_or_too_old(tmp_path, version):
    root = starter_copy(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname", "uname", "cat"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    if version:
        fake = bin_dir / "python3"
        major, minor = version.split(".")[:2]
        fake.write_text(
            f'#!/bin/bash\ncase "$*" in *"< (3, 11)"*) exit 1;; *version_info*) echo "{major}.{minor}";; esac\n',
            encoding="utf-8",
        )
        fake.chmod(0o755)
    done = subprocess.run(
        [str(bin_dir / "bash"), str(root / "start" / "start-kursboka-linux.sh")],
        env={"PATH": str(bin_dir), "HOME": str(tmp_path), "KURSBOKA_INGEN_PAUSE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    expected = "for gammel (versjon 3.9)" if version else "Fant ikke Python"
    assert expected in done.stdout and "3.11" in done.stdout, done.stdout + done.stderr
    assert not list(root.glob(".kursmiljo*"))


# --- the Binder launch link on the built site ------------------------------------------------------


@pytest.mark.site
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_binder_button_opens_that_notebook_in_jupyterlab(built_site, path):
    """The rocket's Binder link: this repository and branch (binder/ is at its root), JupyterLab, this notebook."""
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    org, repo = urlsplit(config["repository"]["url"]).path.strip("/").split("/")[:2]
    assert config["launch_buttons"]["notebook_interface"] == "jupyterlab"
    assert config["repository"].get("path_to_book", "") == ""
    page = (built_site / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="(https://mybinder\.org/[^"]*)"', page))
    expected = (
        f"{config['launch_buttons']['binderhub_url'].rstrip('/')}/v2/gh/{org}/{repo}/"
        f"{config['repository']['branch']}?urlpath=lab/tree/notebooks/{path.name}"
    )
    assert links == {expected}
    target = unquote(urlsplit(expected).query.removeprefix("urlpath=lab/tree/"))
    assert (ROOT / target).is_file()
