# Reality Check: build, preview, test and publish the site.
# Every target bootstraps .venv on first use: the site's own requirements (requirements.txt) for editing,
# building, serving and publishing; the tests' and tools' (requirements-dev.txt) only for test, lint, format,
# bench, lighthouse and venv.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
PELICANOPTS ?=
# PDF=1: `make html` also draws every brief's PDF edition (`make publish` always does).
PDF ?=
PDF_OPTS := $(if $(filter-out 0,$(PDF)),-e PDF_EDITION=true)
# Deploy targets: where `make rsync_upload` and `make github` send the published site.
RSYNC_TARGET ?=
RSYNC_OPTS ?=
GITHUB_REMOTE ?=
GITHUB_BRANCH ?= gh-pages

.DEFAULT_GOAL := help

# The project's commands keep its compiled modules (__pycache__, git-ignored; `make clean` removes them) even where
# the environment says not to (PYTHONDONTWRITEBYTECODE, which some machines and images set): otherwise every
# command compiles the plugins and the editor's modules again, 0.09 s of each start (a twentieth of an edited
# brief's rebuild at 300 briefs, and of each of the test suite's many Python starts).
export PYTHONDONTWRITEBYTECODE :=

.PHONY: help venv check html serve devserver cms publish test lint format clean
.PHONY: rsync_upload require_rsync_target github require_github_remote
.PHONY: node-tools lighthouse
.PHONY: bench

# The help text shows these variables' values (the address served at, the branch pushed to), not their names.
HELP_VARIABLES := HOST PORT GITHUB_BRANCH OUTPUTDIR INPUTDIR
help: ## List the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}' | \
		sed $(foreach v,$(HELP_VARIABLES),-e 's|$$($(v))|$($(v))|g')

# The pinned requirements, then the project itself (plugins/, editor/, deploy/, bench/; see pyproject.toml),
# editable, so its packages import from any folder and edits take effect without reinstalling.
$(STAMP): requirements.txt pyproject.toml
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: Python 3.11 or newer is needed (PY=$(PY) is older); run e.g. 'make PY=python3.11 ...'"; exit 1; }
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	@touch $@

# The tests and tools (pytest, ruff, Playwright, LinkChecker…), on top of the site's requirements.
$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(DEV_STAMP) ## Create .venv with everything: the site's requirements and the tests' and tools'

check: $(STAMP) ## Check every brief without building; list every problem as path:line
	$(BIN)/python -m reality_check.editor check "$$RAW_INPUTDIR"

.PHONY: brief import author
# The editors' tools get their arguments verbatim through the environment, so quotes and $ in a title are safe.
EDITOR_ARGS := TITLE AUTHORS TOPICS REGIONS DATE SRC NAME BIO AUTHOR_TITLE AFFILIATION SINCE INTRO
$(foreach arg,$(EDITOR_ARGS),$(eval export RAW_$(arg) := $$(value $(arg))))
# Folders and deploy targets too: a space in OUTPUTDIR or RSYNC_TARGET must not split it into two arguments.
PATH_ARGS := INPUTDIR OUTPUTDIR RSYNC_TARGET GITHUB_REMOTE GITHUB_BRANCH
$(foreach arg,$(PATH_ARGS),$(eval export RAW_$(arg) := $$(value $(arg))))

brief: $(STAMP) ## New brief: make brief TITLE="…" AUTHORS="A, B" [TOPICS=… REGIONS=… DATE=YYYY-MM-DD]
	@$(BIN)/python -m reality_check.editor new --content "$$RAW_INPUTDIR" --title "$$RAW_TITLE" --authors "$$RAW_AUTHORS" \
		--topics "$$RAW_TOPICS" --regions "$$RAW_REGIONS" --date "$$RAW_DATE"

import: $(STAMP) ## Convert a plain-text brief: make import SRC=path/to/brief.txt
	@test -n "$$RAW_SRC" || { echo 'error: say which file to import: make import SRC=path/to/brief.txt'; exit 1; }
	@$(BIN)/python -m reality_check.editor import --content "$$RAW_INPUTDIR" "$$RAW_SRC"

author: $(STAMP) ## Add an author: make author NAME="…" BIO="…" [AUTHOR_TITLE=… AFFILIATION=… ANOTHER_PERSON=1]
	@$(BIN)/python -m reality_check.editor add-author --content "$$RAW_INPUTDIR" --name "$$RAW_NAME" --bio "$$RAW_BIO" \
		--title "$$RAW_AUTHOR_TITLE" --affiliation "$$RAW_AFFILIATION" $(if $(filter-out 0,$(ANOTHER_PERSON)),--another-person)

# A folder `make publish` made (it alone writes _headers) is emptied first (editor/build.py): a preview never mixes
# with the live site's compressed copies and feeds.
# Nothing is built again while output/ is what a build would write (editor/build.py); FORCE=1 builds anyway.
FORCE ?=
# It runs `make check`'s checks first, in the same process, and stops on a problem.
html: $(STAMP) ## Check, then build the site into output/ (PDF=1: with every brief's PDF edition; FORCE=1: even if up to date)
	$(BIN)/python -m reality_check.editor.build --content "$$RAW_INPUTDIR" --output "$$RAW_OUTPUTDIR" --settings $(CONFFILE) \
		$(if $(filter-out 0,$(FORCE)),--force) -- --fatal errors $(PDF_OPTS) $(PELICANOPTS)

# A port in use is refused before the build, with how to pick another (PORT=).
SERVE_BUILT := $(BIN)/python -m reality_check.editor serve --output "$$RAW_OUTPUTDIR" --bind $(HOST) --port $(PORT)
serve: $(STAMP) ## Build, then serve output/ at http://$(HOST):$(PORT)
	@$(SERVE_BUILT) --only-check-port
	@$(MAKE) --no-print-directory html
	@$(SERVE_BUILT)

devserver: $(STAMP) ## Serve, rebuild and re-check the briefs on every save
	@$(BIN)/python -m reality_check.editor devserver --content "$$RAW_INPUTDIR" --output "$$RAW_OUTPUTDIR" --settings $(CONFFILE) \
		--bind $(HOST) --port $(PORT) -- $(PELICANOPTS)

CMS_PORT ?= 8081
cms: $(STAMP) node-tools ## Edit in the browser: decap-server + the preview; open http://$(HOST):$(PORT)/admin/
	@$(BIN)/python -m reality_check.editor cms --content "$$RAW_INPUTDIR" --output "$$RAW_OUTPUTDIR" --settings $(CONFFILE) \
		--bind $(HOST) --port $(PORT) --cms-port $(CMS_PORT) -- $(PELICANOPTS)

publish: $(STAMP) ## Check, build the live site into a fresh folder, verify it, swap it in as output/ (SITEURL=https://...)
	@$(BIN)/python -m reality_check.deploy.publish --content "$$RAW_INPUTDIR" --output "$$RAW_OUTPUTDIR" --settings $(PUBLISHCONF) \
		$(if $(DEPLOY_TARGET),--deploy-target $(DEPLOY_TARGET)) -- $(PELICANOPTS)

# The deploy targets publish first, and that publish refuses the placeholder address (SITEURL unset).
rsync_upload: DEPLOY_TARGET := rsync_upload
github: DEPLOY_TARGET := github

.PHONY: digest
digest: $(STAMP) ## Newsletter digest, then publish: make digest [SINCE=YYYY-MM-DD INTRO="…" DATE=YYYY-MM-DD]
	@$(BIN)/python -m reality_check.editor digest --content "$$RAW_INPUTDIR" --settings $(CONFFILE) --since "$$RAW_SINCE" --intro "$$RAW_INTRO" --date "$$RAW_DATE"
	@$(MAKE) --no-print-directory publish

# rsync_upload checks RSYNC_TARGET before publishing, and refuses one rsync would empty of other files (deploy/rsync.py).
RSYNC := $(BIN)/python -m reality_check.deploy.rsync --target "$$RAW_RSYNC_TARGET"
rsync_upload: require_rsync_target publish ## Publish, then mirror output/ to RSYNC_TARGET (host:/path or a folder)
	@$(RSYNC) --output "$$RAW_OUTPUTDIR" -- $(RSYNC_OPTS)

require_rsync_target: $(STAMP)
	@$(RSYNC) --only-check

# make github pushes to GITHUB_REMOTE, or else to the only remote on GitHub; never to a remote it was not told about.
GITHUB_PUSH := $(BIN)/python -m reality_check.deploy.github --remote "$$RAW_GITHUB_REMOTE"
github: require_github_remote publish ## Publish, then commit what GitHub Pages serves to the $(GITHUB_BRANCH) branch and push it
	@$(GITHUB_PUSH) --branch "$$RAW_GITHUB_BRANCH" --output "$$RAW_OUTPUTDIR" --settings $(PUBLISHCONF) \
		--source "$$RAW_INPUTDIR" --source $(CONFFILE) --source $(PUBLISHCONF)

require_github_remote: $(STAMP)
	@$(GITHUB_PUSH) --branch "$$RAW_GITHUB_BRANCH" --only-check-remote

# One pytest worker per core (pytest-xdist); a test file's tests stay on one worker, so its fixtures are made once.
# TEST_WORKERS=0 runs the suite in this process (a debugger's breakpoint, or `-x` stopping at the first failure).
TEST_WORKERS ?= auto
test: $(DEV_STAMP) node-tools ## Run the whole test suite (on every core; TEST_WORKERS=0 for one process)
	$(BIN)/python -m pytest $(if $(filter-out 0,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist loadfile)

lint: $(DEV_STAMP) ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP) ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(DEV_STAMP) ## Benchmark the build against plain Pelican at N=300 and N=1000 (slow; not part of make test)
	$(BIN)/python -m reality_check.bench.run

# An OUTPUTDIR that is the project's folder, the content folder, holds one of them or is inside the content folder, or
# an existing folder of files this project did not build, is refused before anything is removed (the rule of
# plugins/brief_registry/arguments.py that make publish keeps), run with the system's python3: no .venv needed.
clean: ## Remove the built site and caches
	@$(PY) -I plugins/brief_registry/arguments.py --output "$$RAW_OUTPUTDIR" --content "$$RAW_INPUTDIR"
	rm -rf "$$RAW_OUTPUTDIR" cache .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

# The Node tools: the Nu HTML Checker for `make test` (tests/quality/), Lighthouse for `make lighthouse`, and Decap CMS
# with decap-server for `make cms` and the live site's /admin/.
# Installed from package-lock.json into node_modules/; install scripts are skipped (vnu-jar's would fetch a Java:
# the system's `java` runs it). Without npm the gates that need these skip, or fail under CI=true.
NODE_STAMP := node_modules/.installed
LIGHTHOUSE_PAGE ?= /briefs/focus-on-interests-not-on-human-rights-with-russia/

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
	@touch $@

node-tools: ## Install the Node tools the quality gates use (needs npm)
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_STAMP); \
	else echo "note: npm not found, so the HTML validity gate will skip and make cms cannot run (install it: apt-get install nodejs npm)"; fi

lighthouse: $(DEV_STAMP) node-tools ## Lighthouse scores of a brief page, built as published (slow; not in make test)
	cd tests && ../$(BIN)/python -m quality.lighthouse_report $(LIGHTHOUSE_PAGE)
