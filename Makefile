# Kursboka «Innovasjon og endringsledelse i helse- og omsorgstjenestene».
#   make html   bygger nettstedet til _build/html
#   make test   kjører alle testene (først de statiske sjekkene)
#   make check  statiske sjekker: ruff (lint og format) og mypy, under ett minutt
#   make test-fast  bare enhetstestene, uten å bygge boka eller starte en nettleser
#   make serve  viser nettstedet på http://127.0.0.1:8000 (valgfri)
#   make lab    åpner notatbøkene i JupyterLab (valgfri)
#   make html-student  bygger studentutgaven uten løsningsforslag til _build/student/_build/html
#   make bundle UKE=36  lager en zip med studentversjonen av ukas notatbøker til _build/oppgavepakker
#   make linkcheck  sjekker eksterne lenker (trenger internett; ikke i CI)
#   make benchmark  måler byggetid, kjøretid for notatbøkene og sidevekt
#   make lite   bygger bare «Kjør i nettleseren» (JupyterLite) til _build/html/lite; make html gjør det også,
#               men bare når notatbøkene, pakken eller oppsettet i lite/ er endret.
#               Med Pyodides utgivelsesarkiv får notatbøkene numpy, pandas og matplotlib i nettleseren:
#               make html PYODIDE_DIST=/sti/til/pyodide-314.0.6.tar.bz2
# Hver kommando lager først et Python-miljø i .venv med de låste versjonene i requirements.txt
# (bygge og teste). requirements-run.txt er settet deltakerne trenger for å kjøre notatbøkene
# (start/, binder/, make lab); requirements-build.txt er det som trengs for å bygge boka.

SHELL  := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
# Wheels of the run set (and of the pinned setuptools) for tests/test_distribution.py, which installs
# them into fresh environments with --no-index: the only download happens here, next to the .venv one.
WHEELS := $(VENV)/wheelhouse
WHEELS_READY := $(WHEELS)/.complete
BUILD  := $(BIN)/jupyter-book build . -W -n --keep-going

.PHONY: html html-student bundle test test-fast check format serve lab benchmark linkcheck clean chromium lite

$(READY): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' || \
		{ echo "Fant ikke Python 3.11 eller nyere. Installer Python 3.11 og prøv igjen."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

html: $(READY)
	$(BUILD)
	@echo "Nettstedet er bygd. Åpne $(CURDIR)/_build/html/index.html i en nettleser, eller kjør: make serve"

# «Kjør i nettleseren» alone (bookbuild/lite.py; PYODIDE_DIST is read from the environment or the command line).
lite: $(READY)
	$(BIN)/python -m bookbuild.lite

html-student: $(READY)
	$(BIN)/python scripts/build_edition.py student

bundle: $(READY)
	$(BIN)/python scripts/bundle.py $(UKE)

test: check $(WHEELS_READY) chromium
	$(BIN)/python -m pytest -n 2

test-fast: $(READY)
	$(BIN)/python -m pytest -n 2 tests -m "not site and not slow" -p no:nbmake -o addopts="-ra --strict-markers"

check: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(READY)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(WHEELS_READY): $(READY) requirements-run.txt
	rm -rf $(WHEELS)
	$(BIN)/pip wheel --quiet --disable-pip-version-check -w $(WHEELS) -r requirements-run.txt \
		"$$(grep -i '^setuptools==' requirements.txt)"
	touch $(WHEELS_READY)

chromium:
	@command -v chromium >/dev/null 2>&1 || scripts/install-chromium.sh

serve: html
	@echo "Nettstedet vises på http://127.0.0.1:8000 (stopp med Ctrl+C)"
	$(BIN)/python -m http.server --directory _build/html --bind 127.0.0.1 8000

lab: $(READY)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-run.txt
	$(BIN)/jupyter lab notebooks

benchmark: $(READY) chromium
	$(BIN)/python scripts/benchmark.py

linkcheck: $(READY)
	$(BIN)/jupyter-book build . --builder linkcheck
	@echo "Eksterne lenker er sjekket; se _build/linkcheck/output.txt (trenger internett, kjøres ikke i CI)."

clean:
	rm -rf _build
