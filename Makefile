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
# Deploy targets: where `make rsync_upload` and `make github` send the published site.
RSYNC_TARGET ?=
RSYNC_OPTS ?=
GITHUB_REMOTE ?= origin
GITHUB_BRANCH ?= gh-pages
# The plugins' pure modules (registries, rules) are shared with the editors' tools.
export PYTHONPATH := $(CURDIR)/plugins

.DEFAULT_GOAL := help

.PHONY: help venv check html serve devserver cms publish test lint format clean
.PHONY: rsync_upload require_rsync_target github
.PHONY: node-tools lighthouse
.PHONY: bench

help: ## List the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: Python 3.11 or newer is needed (PY=$(PY) is older); run e.g. 'make PY=python3.11 ...'"; exit 1; }
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(STAMP) ## Create .venv from the pinned requirements

check: $(STAMP) ## Check every brief without building; list every problem as path:line
	$(BIN)/python -m editor check $(INPUTDIR)

.PHONY: brief import author
# The editors' tools get their arguments verbatim through the environment, so quotes and $ in a title are safe.
EDITOR_ARGS := TITLE AUTHORS TOPICS REGIONS DATE SRC NAME BIO AUTHOR_TITLE AFFILIATION
$(foreach arg,$(EDITOR_ARGS),$(eval export RAW_$(arg) := $$(value $(arg))))

brief: $(STAMP) ## New brief: make brief TITLE="…" AUTHORS="A, B" [TOPICS=… REGIONS=… DATE=YYYY-MM-DD]
	@$(BIN)/python -m editor new --content $(INPUTDIR) --title "$$RAW_TITLE" --authors "$$RAW_AUTHORS" \
		--topics "$$RAW_TOPICS" --regions "$$RAW_REGIONS" --date "$$RAW_DATE"

import: $(STAMP) ## Convert a plain-text brief: make import SRC=path/to/brief.txt
	@test -n "$$RAW_SRC" || { echo 'error: say which file to import: make import SRC=path/to/brief.txt'; exit 1; }
	@$(BIN)/python -m editor import --content $(INPUTDIR) "$$RAW_SRC"

author: $(STAMP) ## Add an author: make author NAME="…" BIO="…" [AUTHOR_TITLE=… AFFILIATION=…]
	@$(BIN)/python -m editor add-author --content $(INPUTDIR) --name "$$RAW_NAME" --bio "$$RAW_BIO" \
		--title "$$RAW_AUTHOR_TITLE" --affiliation "$$RAW_AFFILIATION"

html: check ## Build the site into output/
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) --fatal errors $(PELICANOPTS)

serve: html ## Build, then serve output/ at http://$(HOST):$(PORT)
	@echo "Serving the site at http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(PELICAN) --listen --bind $(HOST) --port $(PORT) -o $(OUTPUTDIR) -s $(CONFFILE)

devserver: $(STAMP) ## Serve, rebuild and re-check the briefs on every save
	$(BIN)/python -m editor serve --content $(INPUTDIR) --output $(OUTPUTDIR) --settings $(CONFFILE) \
		--bind $(HOST) --port $(PORT) -- $(PELICANOPTS)

CMS_PORT ?= 8081
cms: $(STAMP) node-tools ## Edit in the browser: decap-server + the preview; open http://$(HOST):$(PORT)/admin/
	$(BIN)/python -m editor cms --content $(INPUTDIR) --output $(OUTPUTDIR) --settings $(CONFFILE) \
		--bind $(HOST) --port $(PORT) --cms-port $(CMS_PORT) -- $(PELICANOPTS)

publish: check ## Build the live site into a fresh folder, verify it, swap it in as output/ (SITEURL=https://...)
	$(BIN)/python -m deploy.publish --skip-check --content $(INPUTDIR) --output $(OUTPUTDIR) --settings $(PUBLISHCONF) -- $(PELICANOPTS)

rsync_upload: require_rsync_target publish ## Publish, then mirror output/ to RSYNC_TARGET (host:/path or a folder)
	rsync -rlzc --delete-after --delay-updates --chmod=D755,F644 $(RSYNC_OPTS) $(OUTPUTDIR)/ $(RSYNC_TARGET)

require_rsync_target:
	@test -n "$(RSYNC_TARGET)" || { echo "error: set RSYNC_TARGET, e.g. make rsync_upload RSYNC_TARGET=deploy@example.org:/srv/reality-check/output"; exit 2; }

github: publish ## Publish, then commit output/ to the $(GITHUB_BRANCH) branch and push it to $(GITHUB_REMOTE)
	$(BIN)/ghp-import --no-jekyll --push --remote $(GITHUB_REMOTE) --branch $(GITHUB_BRANCH) \
		--message "Publish the site from $$(git rev-parse --short HEAD 2>/dev/null || echo 'a working copy')" $(OUTPUTDIR)

test: $(STAMP) node-tools ## Run the whole test suite
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

# Quality gates' Node tools (tests/quality/): the Nu HTML Checker for `make test`, Lighthouse for `make lighthouse`.
# Installed from package-lock.json into node_modules/; install scripts are skipped (vnu-jar's would fetch a Java:
# the system's `java` runs it). Without npm the gates that need these skip, or fail under CI=true.
NODE_STAMP := node_modules/.installed
LIGHTHOUSE_PAGE ?= /briefs/focus-on-interests-not-on-human-rights-with-russia/

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
	@touch $@

node-tools: ## Install the Node tools the quality gates use (needs npm)
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_STAMP); \
	else echo "note: npm not found, so the HTML validity gate will skip (install it: apt-get install nodejs npm)"; fi

lighthouse: $(STAMP) node-tools ## Lighthouse scores of a brief page, built as published (slow; not in make test)
	PYTHONPATH=$(CURDIR)/tests:$(PYTHONPATH) $(BIN)/python -m quality.lighthouse_report $(LIGHTHOUSE_PAGE)
