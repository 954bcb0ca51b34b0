"""Prepare a self-hosted Pyodide for «Kjør i nettleseren» (JupyterLite), with nothing from a CDN.

    python scripts/pyodide.py OUTDIR            # core runtime only (npm) + the kernel's pure wheels (PyPI)
    PYODIDE_DIST=pyodide-314.0.6.tar.bz2 python scripts/pyodide.py OUTDIR   # + numpy, pandas, matplotlib ...

Where the files come from, and how each is checked:

* the runtime (pyodide.mjs, pyodide.asm.wasm, python_stdlib.zip, pyodide-lock.json) from the npm
  package ``pyodide@PYODIDE_VERSION`` (``npm pack``), checked against its pinned npm integrity hash;
* with ``PYODIDE_DIST`` (the release archive ``pyodide-<version>.tar.bz2``, which GitHub's runners
  can download and this offline machine cannot): the dependency closure of ``NOTEBOOK_PACKAGES``
  and the kernel's own packages, taken from the archive; every wheel is checked against the sha256
  in the npm package's lock (so the chain of trust is the npm integrity hash); if
  ``RELEASE_SHA256`` is set, the archive itself is checked too;
* without it: the kernel's pure-Python start-up wheels (``KERNEL_WHEELS``) from PyPI, pinned by
  sha256; the lock's ``sha256`` is rewritten for them (PyPI's builds are not byte-identical to
  Pyodide's, and Pyodide checks every file against the lock).

The lock written to OUTDIR lists only the packages whose files are there, so an ``import`` of
anything else fails at once with ``ModuleNotFoundError`` instead of asking a server for a file.
A file ``kursbok-pyodide.json`` in OUTDIR records what was done (mode, missing packages), and
``status()`` reads it back for the build log and the book's pages.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PYODIDE_VERSION = "314.0.6"  # what jupyterlite-pyodide-kernel 0.8.6 expects (its constants.PYODIDE_VERSION)
NPM_INTEGRITY = "sha512-BKDTJyIqFxC4BExLqeRS3f5xvXZIjOt8C3zGLN/Cc7tFxSwvKVhVkchQQ2AGLOtR4YrVOIFxbV8poyDOOmWwxQ=="
NPM_TARBALL = f"https://registry.npmjs.org/pyodide/-/pyodide-{PYODIDE_VERSION}.tgz"
RELEASE_URL = (
    f"https://github.com/pyodide/pyodide/releases/download/{PYODIDE_VERSION}/pyodide-{PYODIDE_VERSION}.tar.bz2"
)
# The release publishes no checksum file. Every wheel taken from the archive is checked against the
# npm package's lock (above); set this after the first verified download to pin the archive too.
RELEASE_SHA256 = ""
RUNTIME_FILES = [
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
]

# The compiled (and pure) packages the course package needs that only Pyodide's own build provides; the
# other dependencies are in this closure or the kernel's (openpyxl is not in Pyodide: XLSX upload then says so).
NOTEBOOK_PACKAGES = ["numpy", "pandas", "matplotlib", "pillow"]
# What the kernel loads when it starts (jupyterlite-pyodide-kernel: micropip, then ipython and jedi).
KERNEL_PACKAGES = ["micropip", "ipython", "jedi"]
# The same closure as pure wheels from PyPI, for a build without the release archive: name -> (file, sha256).
KERNEL_WHEELS = {
    "micropip": (
        "micropip-0.11.1-py3-none-any.whl",
        "768de165adb8e66906039d8fec4127a57f522dfdf8e6fbff877a4616941ecfd3",
    ),
    "asttokens": (
        "asttokens-3.0.1-py3-none-any.whl",
        "15a3ebc0f43c2d0a50eeafea25e19046c68398e487b9f1f5b517f7c0f40f976a",
    ),
    "decorator": (
        "decorator-5.2.1-py3-none-any.whl",
        "d316bb415a2d9e2d2b3abcc4084c6502fc09240e292cd76a76afc106a1c8e04a",
    ),
    "executing": (
        "executing-2.2.1-py2.py3-none-any.whl",
        "760643d3452b4d777d295bb167ccc74c64a81df23fb5e08eff250c425a4b2017",
    ),
    "ipython": ("ipython-9.12.0-py3-none-any.whl", "0f2701e8ee86e117e37f50563205d36feaa259d2e08d4a6bc6b6d74b18ce128d"),
    "jedi": ("jedi-0.19.2-py2.py3-none-any.whl", "a8ef22bde8490f57fe5c7681a3c83cb58874daf72b4784de3cce5b6ef6edb5b9"),
    "matplotlib-inline": (
        "matplotlib_inline-0.2.1-py3-none-any.whl",
        "d56ce5156ba6085e00a9d54fead6ed29a9c47e215cd1bba2e976ef39f5710a76",
    ),
    "parso": ("parso-0.8.6-py2.py3-none-any.whl", "2c549f800b70a5c4952197248825584cb00f033b29c692671d3bf08bf380baff"),
    "prompt-toolkit": (
        "prompt_toolkit-3.0.52-py3-none-any.whl",
        "9aac639a3bbd33284347de5ad8d68ecc044b91a762dc39b7c21095fcd6a19955",
    ),
    "pure-eval": (
        "pure_eval-0.2.3-py3-none-any.whl",
        "1db8e35b67b3d218d818ae653e27f06c3aa420901fa7b081ca98cbedc874e0d0",
    ),
    "pygments": (
        "pygments-2.20.0-py3-none-any.whl",
        "81a9e26dd42fd28a23a2d169d86d7ac03b46e2f8b59ed4698fb4785f946d0176",
    ),
    "six": ("six-1.17.0-py2.py3-none-any.whl", "4721f391ed90541fddacab5acf947aa0d3dc7d27b2e1e8eda2be8970586c3274"),
    "stack-data": (
        "stack_data-0.6.3-py3-none-any.whl",
        "d5558e0c25a4cb0853cddad3d77da9891a08cb85dd9f9f91b9f8cd66e511e695",
    ),
    "traitlets": (
        "traitlets-5.14.3-py3-none-any.whl",
        "b74e89e397b1ed28cc831db7aea759ba6640cb3de13090ca145426688ff1ac4f",
    ),
    "wcwidth": ("wcwidth-0.6.0-py3-none-any.whl", "1a3a1e510b553315f8e146c54764f4fb6264ffad731b3d78088cdb1478ffbdad"),
}
# Pure wheels the course needs that are not in Pyodide's lock: name -> (file, sha256, imports, depends).
EXTRA_WHEELS = {
    "ipywidgets": (
        "ipywidgets-8.1.9-py3-none-any.whl",
        "f2b8cbcaae10252b809fbe4d7470db75c09b769a32cbf816d20e5ca6d3c5a79d",
        ["ipywidgets"],
        ["ipython", "traitlets"],
    ),
}
# Served through piplite (the kernel installs it with piplite when it starts; it is not in the lock).
PIPLITE_WHEELS = {
    "comm": ("comm-0.2.3-py3-none-any.whl", "c615d91d75f7f04f095b30d1c1711babd43bdc6419c1be9886a85f2f4e489417"),
}
STATUS_FILE = "kursbok-pyodide.json"
MAKE_HINT = f"make html PYODIDE_DIST=/sti/til/pyodide-{PYODIDE_VERSION}.tar.bz2"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def closure(packages: dict[str, dict], wanted: list[str]) -> list[str]:
    """The names (lock keys) of ``wanted`` and everything they depend on, per pyodide-lock.json."""
    by_canonical = {canonical(key): key for key in packages}
    seen: set[str] = set()
    stack = [by_canonical[canonical(name)] for name in wanted]
    while stack:
        key = stack.pop()
        if key in seen:
            continue
        seen.add(key)
        stack.extend(by_canonical[canonical(dep)] for dep in packages[key].get("depends", []))
    return sorted(seen)


def npm_core(cache: Path) -> Path:
    """The npm package, packed and unpacked into ``cache`` (checked against NPM_INTEGRITY)."""
    tarball = cache / f"pyodide-{PYODIDE_VERSION}.tgz"
    unpacked = cache / f"npm-pyodide-{PYODIDE_VERSION}"
    if (unpacked / "pyodide.mjs").exists():
        return unpacked
    cache.mkdir(parents=True, exist_ok=True)
    if not tarball.exists():
        if shutil.which("npm"):
            subprocess.run(
                ["npm", "pack", f"pyodide@{PYODIDE_VERSION}", "--silent", "--pack-destination", str(cache)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        else:  # the same file from the npm registry without the npm client; checked below all the same
            import urllib.request

            with urllib.request.urlopen(NPM_TARBALL, timeout=120) as response, open(tarball, "wb") as out:
                shutil.copyfileobj(response, out)
    algorithm, _, expected = NPM_INTEGRITY.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if actual != expected:
        tarball.unlink()
        raise SystemExit(f"pyodide: {tarball.name} har feil kontrollsum (integrity); filen er slettet.")
    staging = Path(tempfile.mkdtemp(dir=cache))
    with tarfile.open(tarball) as archive:
        archive.extractall(staging, filter="data")
    (staging / "package").rename(unpacked)
    shutil.rmtree(staging)
    return unpacked


def pypi_wheels(cache: Path, wheels: dict[str, tuple]) -> dict[str, Path]:
    """Download pinned pure wheels from PyPI with pip (hash-checked); name -> path."""
    folder = cache / "pypi"
    folder.mkdir(parents=True, exist_ok=True)
    missing = {n: w for n, w in wheels.items() if not (folder / w[0]).exists() or sha256(folder / w[0]) != w[1]}
    if missing:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as requirements:
            for name, (file_name, digest, *_) in missing.items():
                version = file_name.split("-")[1]
                requirements.write(f"{name}=={version} --hash=sha256:{digest}\n")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--disable-pip-version-check",
                "--python-version",
                "3.14",
                "--require-hashes",
                "-r",
                requirements.name,
                "-d",
                str(folder),
            ],
            check=True,
        )
        os.unlink(requirements.name)
    return {name: folder / file_name for name, (file_name, *_) in wheels.items()}


def _from_archive(archive: Path, names: list[str], target: Path) -> dict[str, Path]:
    """Extract the named files (basename) from the release archive's pyodide/ folder into target."""
    found: dict[str, Path] = {}
    with tarfile.open(archive) as tar:
        for member in tar:
            name = Path(member.name).name
            if member.isfile() and name in names:
                with tar.extractfile(member) as source, open(target / name, "wb") as out:
                    shutil.copyfileobj(source, out)
                found[name] = target / name
    return found


def prepare(outdir: Path, cache: Path, dist: Path | None = None) -> dict:
    """Write the self-hosted Pyodide to ``outdir`` (emptied first). Returns the status record."""
    core = npm_core(cache)
    lock = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
    packages = lock["packages"]
    if outdir.exists():
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(core / name, outdir / name)

    kept: dict[str, dict] = {}
    missing: list[str] = []
    if dist is not None:
        if RELEASE_SHA256 and sha256(dist) != RELEASE_SHA256:
            raise SystemExit(f"pyodide: {dist} har feil SHA-256 (ventet {RELEASE_SHA256}).")
        wanted = closure(packages, NOTEBOOK_PACKAGES + KERNEL_PACKAGES)
        files = {packages[key]["file_name"]: key for key in wanted}
        found = _from_archive(dist, list(files), outdir)
        for file_name, key in files.items():
            if file_name not in found:
                raise SystemExit(f"pyodide: {file_name} mangler i {dist}.")
            if sha256(found[file_name]) != packages[key]["sha256"]:
                raise SystemExit(f"pyodide: {file_name} i {dist} stemmer ikke med pyodide-lock.json fra npm.")
            kept[key] = dict(packages[key])
        mode = "full"
    else:
        wheels = pypi_wheels(cache, KERNEL_WHEELS)
        for name, path in wheels.items():
            entry = dict(packages[name])
            if entry["file_name"] != path.name:
                raise SystemExit(f"pyodide: {path.name} passer ikke med låsen ({entry['file_name']}).")
            shutil.copy2(path, outdir / path.name)
            entry["sha256"] = sha256(path)  # PyPI's build, not Pyodide's: the lock must say so
            kept[name] = entry
        missing = list(NOTEBOOK_PACKAGES)
        mode = "core"
    for name, path in pypi_wheels(cache, {n: w[:2] for n, w in EXTRA_WHEELS.items()}).items():
        file_name, digest, imports, depends = EXTRA_WHEELS[name]
        shutil.copy2(path, outdir / file_name)
        kept[name] = lock_entry(name, file_name.split("-")[1], file_name, digest, imports, depends)
    lock["packages"] = kept
    (outdir / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True), encoding="utf-8")
    record = {
        "version": PYODIDE_VERSION,
        "mode": mode,
        "missing": missing,
        "packages": sorted(kept),
        "dist": str(dist) if dist else None,
    }
    (outdir / STATUS_FILE).write_text(json.dumps(record, indent=1), encoding="utf-8")
    return record


def lock_entry(name: str, version: str, file_name: str, digest: str, imports: list[str], depends: list[str]) -> dict:
    """One package entry in pyodide-lock.json's format."""
    return {
        "name": name,
        "version": version,
        "file_name": file_name,
        "install_dir": "site",
        "sha256": digest,
        "package_type": "package",
        "imports": imports,
        "depends": depends,
        "unvendored_tests": False,
    }


def add_wheel(
    outdir: Path, wheel: Path, name: str, imports: list[str], depends: list[str], subfolder: str = ""
) -> None:
    """Place a local wheel next to Pyodide and list it in the lock, so that ``import <imports>`` in a
    notebook cell loads it (jupyterlite-pyodide-kernel calls loadPackagesFromImports). ``depends``
    is cut to the packages the lock has (the rest are reported as missing by ``status``)."""
    target = outdir / subfolder if subfolder else outdir
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(wheel, target / wheel.name)
    lock_path = outdir / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    present = {canonical(key) for key in lock["packages"]}
    file_name = f"{subfolder}/{wheel.name}" if subfolder else wheel.name
    lock["packages"][name] = lock_entry(
        name,
        wheel.name.split("-")[1],
        file_name,
        sha256(wheel),
        imports,
        [d for d in depends if canonical(d) in present],
    )
    lock_path.write_text(json.dumps(lock, indent=1, sort_keys=True), encoding="utf-8")


def status(outdir: Path) -> dict:
    path = outdir / STATUS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"mode": "none", "missing": []}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("_build/.pyodide-cache"))
    parser.add_argument("--dist", type=Path, default=os.environ.get("PYODIDE_DIST") or None)
    args = parser.parse_args(argv)
    record = prepare(args.outdir, args.cache, args.dist)
    print(f"pyodide {record['version']} ({record['mode']}): {len(record['packages'])} pakker i {args.outdir}")
    if record["missing"]:
        print(f"Mangler (bare kjernen): {', '.join(record['missing'])}. Legg dem til med: {MAKE_HINT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
