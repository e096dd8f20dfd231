# Every target sets up what it needs: a .venv in the repo with the project and its test tools.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED := examples/sales-manager-or-leader.txt
DEMO := build/demo

.PHONY: demo test lint format golden clean

$(BIN)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

demo: $(BIN)/.installed
	@$(BIN)/course split $(SEED) -o $(DEMO) --force
	@$(BIN)/course build $(DEMO) --clean

test: $(BIN)/.installed
	@$(BIN)/python -m pytest

lint: $(BIN)/.installed
	@$(BIN)/ruff check course tests
	@$(BIN)/ruff format --check course tests

format: $(BIN)/.installed
	@$(BIN)/ruff format course tests
	@$(BIN)/ruff check --fix course tests

clean:
	rm -rf build dist .pytest_cache .ruff_cache
