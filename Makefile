# Every target sets up what it needs: a .venv in the repo with the project (demo: only what running course needs;
# the other targets add the test tools), and Debian's chromium (browser tests) and spamassassin (course check)
# for the tests, installed with apt-get when missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED := examples/sales-manager-or-leader.txt
DEMO := build/demo

.PHONY: demo test lint format docs golden bench system-packages clean

$(BIN)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(BIN)/.installed-test: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(BIN)/.installed $@

demo: $(BIN)/.installed
	@$(BIN)/course split $(SEED) -o $(DEMO) --force
	@$(BIN)/course build $(DEMO) --clean

test: $(BIN)/.installed-test system-packages tests/engines/node_modules
	@$(BIN)/python -m pytest

# Handlebars (SendGrid, Mailgun, SES) renders exported emails in the tests; npm comes with Node.js
tests/engines/node_modules: tests/engines/package.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix tests/engines --no-package-lock --no-audit --no-fund --silent && touch $@; \
	else \
	  echo "npm not found: the tests that render emails with Handlebars are skipped. Install Node.js (apt-get install nodejs npm)"; \
	fi

system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v spamassassin >/dev/null 2>&1 || missing="$$missing spamassassin"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages for the tests:$$missing (apt-get)..."; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } \
	  || echo "Could not install$$missing: the tests that need them are skipped. Install with: sudo apt-get install$$missing"; \
	fi

lint: $(BIN)/.installed-test
	@$(BIN)/ruff check course tests benchmarks
	@$(BIN)/ruff format --check course tests benchmarks
	@$(BIN)/mypy course

format: $(BIN)/.installed-test
	@$(BIN)/ruff format course tests benchmarks
	@$(BIN)/ruff check --fix course tests benchmarks

docs: $(BIN)/.installed-test
	@$(BIN)/cog -r README.md

golden: $(BIN)/.installed-test
	@$(BIN)/python -m tests.golden

bench: $(BIN)/.installed-test benchmarks/js/node_modules
	@$(BIN)/python -m benchmarks.run
	@$(BIN)/python -m benchmarks.compare

# The JS MJML CLI and doiuse-email (caniemail's data), to compare with; npm comes with Node.js
benchmarks/js/node_modules: benchmarks/js/package.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix benchmarks/js --no-package-lock --no-audit --no-fund --silent && touch $@; \
	else \
	  echo "npm not found: the comparison with the JS MJML CLI is skipped. Install Node.js (apt-get install nodejs npm)"; \
	fi

clean:
	rm -rf build dist .pytest_cache .ruff_cache
