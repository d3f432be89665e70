# Reality Check: build, preview, test and publish the site.
# Every target bootstraps .venv from the pinned requirements on first use.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
STAMP := $(VENV)/.installed

INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
PELICANOPTS ?=
# The plugins' pure modules (registries, rules) are shared with the editors' tools.
export PYTHONPATH := $(CURDIR)/plugins

.DEFAULT_GOAL := help

.PHONY: help venv check html serve devserver publish test lint format bench clean

help: ## List the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: Python 3.11 or newer is needed (PY=$(PY) is older); run e.g. 'make PY=python3.11 ...'"; exit 1; }
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(STAMP) ## Create .venv from the pinned requirements

check: $(STAMP) ## Check every brief without building; list every problem as path:line
	$(BIN)/python -m editor check $(INPUTDIR)

html: check ## Build the site into output/
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) --fatal errors $(PELICANOPTS)

serve: html ## Build, then serve output/ at http://$(HOST):$(PORT)
	@echo "Serving the site at http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(PELICAN) --listen --bind $(HOST) --port $(PORT) -o $(OUTPUTDIR) -s $(CONFFILE)

devserver: $(STAMP) ## Serve and rebuild on every save
	$(PELICAN) --autoreload --listen --bind $(HOST) --port $(PORT) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

publish: check ## Build the live site with publishconf.py (warnings are fatal)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) --fatal warnings $(PELICANOPTS)

test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP) ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP) ## Benchmark the build against plain Pelican at N=100 and N=1000 (slow; not part of make test)
	$(BIN)/python -m bench.run

clean: ## Remove the built site and caches
	rm -rf $(OUTPUTDIR) cache .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
