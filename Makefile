# One command per chore. Each installs what it needs first (into .venv/), so on a fresh
# machine with Python 3.11 `make serve` and `make test` are all the set-up there is.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check golden bench audit clean

serve: $(VENV)/.installed          ## serve the site at http://127.0.0.1:8000, rebuilt on every save
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(VENV)/.installed           ## run every test, browser tests included
	tools/ensure-chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

build: $(VENV)/.installed          ## write the generated pages into docs/ and build site/
	$(BIN)/python build.py
	$(BIN)/mkdocs build --strict

check: $(VENV)/.installed          ## exit 1 if the generated pages in docs/ are out of date
	$(BIN)/python build.py --check

golden: $(VENV)/.installed         ## regenerate the golden files after a reviewed change
	$(BIN)/python tests/golden.py --update

bench: $(VENV)/.installed          ## run the benchmarks and print their tables
	tools/ensure-chromium
	$(BIN)/python bench/run.py

audit: $(VENV)/.installed          ## Lighthouse and page-weight audit of the built site
	tools/ensure-chromium
	$(BIN)/python tools/audit.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf site .cache $(VENV) .pytest_cache .hypothesis test-artifacts
