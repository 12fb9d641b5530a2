# The README's commands. Every target installs what it needs first (into .venv) and is
# quick when nothing changed: the install is redone only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EVAL_DIR ?= ../shared/eval
# JupyterLab refuses to start as root unless told it may.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: install report test lint lab notebooks bench model clean

install: $(STAMP)

# pip is upgraded first: the pip that ships with Python 3.11 silently skips
# trafilatura's lxml[html_clean] extra, and `import trafilatura` then fails.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name framing --display-name "Python (framing)" >/dev/null
	touch $(STAMP)

report: install
	$(BIN)/framing report

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

test: lint
	$(BIN)/python -m pytest

lab: install
	$(BIN)/jupyter lab notebooks $(ROOT_FLAG)

notebooks: install
	$(BIN)/python notebooks/render.py

bench: install
	$(BIN)/python benchmarks/quality_loaded.py $(EVAL_DIR)
	$(BIN)/python benchmarks/quality_sources.py $(EVAL_DIR)
	$(BIN)/python benchmarks/quality_stance.py $(EVAL_DIR)
	$(BIN)/python benchmarks/quality_classifier.py $(EVAL_DIR)
	$(BIN)/python benchmarks/throughput.py $(EVAL_DIR)

# Retrains the stance mention model from NewsMTSC (in $(EVAL_DIR)/newsmtsc) into
# src/framing/stance/models/, byte for byte the same as the shipped one.
model: install
	$(BIN)/python -m framing.stance.train $(EVAL_DIR)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache .hypothesis
