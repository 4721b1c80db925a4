# Two commands set everything up on a fresh Debian machine with Python 3:
#   make reports   build the default reports (YEAR: the latest params/<jaar>/ folder)
#   make test      run the test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
YEAR ?= $(shell ls params | grep -E '^[0-9]{4}$$' | sort | tail -1)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
STAMP := $(VENV)/.installed
SYSSTAMP := $(VENV)/.sysdeps

# Debian packages the Python wheels cannot bring: Pango (WeasyPrint), fonts,
# poppler-utils (pdftoppm for page previews) and Chromium (browser tests).
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core \
	poppler-utils chromium

.PHONY: reports test lab bench lint clean venv sysdeps schema

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (wijkrapport)" >/dev/null
	@touch $(STAMP)

sysdeps: $(SYSSTAMP)

$(SYSSTAMP): Makefile
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "Missing system packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
	@mkdir -p $(VENV) && touch $(SYSSTAMP)

reports: $(STAMP) $(SYSSTAMP)
	$(BIN)/python run_reports.py --year $(YEAR) --jobs $(JOBS)

# Tests run on every core (pytest-xdist; an idle worker takes queued tests from a busy one); the shared builds are
# made once per run (tests/conftest.py).
test: $(STAMP) $(SYSSTAMP)
	$(BIN)/python -m pytest -n $(JOBS) --dist worksteal

# JupyterLab for analysts: PORT=8890 make lab; works as root (containers) and never opens a browser itself.
# Outputs never reach git: the nbstripout filter (set up here, declared in .gitattributes) strips them from
# what is committed, whatever the Lab's autosave wrote to the file.
PORT ?= 8888
lab: $(STAMP)
	@git rev-parse --git-dir >/dev/null 2>&1 && git config filter.nbstripout.clean "$(abspath $(BIN))/nbstripout --keep-id" \
		&& git config filter.nbstripout.smudge cat || true
	$(BIN)/jupyter lab --notebook-dir=notebooks --no-browser --port=$(PORT) \
		$(if $(filter 0,$(shell id -u)),--allow-root,)

bench: $(STAMP) $(SYSSTAMP)
	$(BIN)/python bench/run_bench.py

schema: $(STAMP)
	$(BIN)/python -m wijkrapport.sources.registry > lib/wijkrapport/schemas/programma.schema.json

lint: $(STAMP)
	$(BIN)/ruff check lib tests run_reports.py bench
	$(BIN)/lint-imports

clean:
	rm -rf build reports/*/
