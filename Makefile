# One command per chore. Each installs what it needs first (into .venv/), so on a fresh
# machine with Python 3.11 `make serve` and `make test` are all the set-up there is.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK_TOOL := uv==0.13.9
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test lint fork-check draft build check golden bench bench-phone audit lock clean

PORT ?= 8000
serve: $(VENV)/.installed          ## serve the site at http://127.0.0.1:$(PORT) (make serve PORT=8001), rebuilt on every save
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

# The suite runs on every core and one worker more (pytest-xdist): browser and `mkdocs serve`
# tests spend much of their time waiting, and a third worker on two cores takes the suite
# from 5.5 minutes to 5.2 (2026-12-06). Work stealing: each worker starts on a run of
# neighbouring tests (a module's fixtures are built by one worker, not by each), and an idle
# worker takes half of a busy one's queue, so no worker ends long after the others.
WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
XDIST := -n $(WORKERS) --dist worksteal
test: $(VENV)/.installed           ## run every test, browser tests included
	tools/ensure-chromium
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)

lint: $(VENV)/.installed           ## ruff's checks and mypy --strict on explainer/ (both set in pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/mypy

fork-check: $(VENV)/.installed     ## the suite and a strict build in a clone whose seeds/ hold another story
	tools/ensure-chromium
	tools/fork-check $(XDIST) $(PYTEST_ARGS)

draft: $(VENV)/.installed          ## draft the glossary, timeline and topics into seeds/drafts/
	$(BIN)/python build.py --draft

build: $(VENV)/.installed          ## write the generated pages into docs/ and build site/
	$(BIN)/python build.py --strict  # drafts or warnings left: refused before docs/ changes
	$(BIN)/mkdocs build --strict

check: $(VENV)/.installed          ## exit 1 if the generated pages in docs/ are out of date
	$(BIN)/python build.py --check

golden: $(VENV)/.installed         ## regenerate the golden files after a reviewed change
	$(BIN)/python tests/golden.py --update

bench: $(VENV)/.installed          ## run the benchmarks and print their tables
	tools/ensure-chromium
	$(BIN)/python bench/run.py

bench-phone: $(VENV)/.installed    ## a phone reader at 1, 200 and 500 articles, before and now (~25 min)
	tools/ensure-chromium
	$(BIN)/python bench/phone.py

audit: $(VENV)/.installed          ## Lighthouse and page-weight audit of the built site
	tools/ensure-chromium
	$(BIN)/python tools/audit.py

lock:                              ## pin every dependency (and theirs) with hashes in requirements.lock
	$(PYTHON) -m venv .cache/lock-tool
	.cache/lock-tool/bin/python -m pip install --quiet $(LOCK_TOOL)
	.cache/lock-tool/bin/uv pip compile --quiet pyproject.toml --extra test --generate-hashes --universal \
	  --python-version 3.11.5 --custom-compile-command "make lock" -o requirements.lock

# Every package from the lock file, each checked against its hash (by a pinned pip: see
# tools/pip.lock); then the project itself.
$(VENV)/.installed: requirements.lock tools/pip.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r tools/pip.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

clean:
	rm -rf site .cache $(VENV) .pytest_cache .mypy_cache .hypothesis test-artifacts
