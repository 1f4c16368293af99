# The two commands in the README are the contract: `make run` and `make test`.
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
PORT ?= 8501
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test test-fast bench bench-quick rehearse clean help

help:
	@echo "make run        serve the app on http://localhost:$(PORT) (PORT=8600 for another port)"
	@echo "make test       run the whole test suite (models, content, app, browser)"
	@echo "make bench      measure rerun latency, load and memory against stock Streamlit"
	@echo "make cluster    N app processes behind Debian's HAProxy on PORT (N=2 PORT=8080)"
	@echo "make rehearse   step through every talk on the presenter's stage in Chromium (1280x720)"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %d.%d)" % sys.version_info[:2])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test,bench]"
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) -m explainers.serve --port $(PORT)

test: $(VENV)/.installed-test
	$(PY) -m pytest -n 2 --dist loadgroup

test-fast: $(VENV)/.installed-test
	$(PY) -m pytest -n 2 --dist loadgroup -m "not browser"

bench: $(VENV)/.installed-test
	$(PY) -m benchmarks.run

bench-quick: $(VENV)/.installed-test
	$(PY) -m benchmarks.run --quick

# Every step of every talk, in both languages, in Chromium at 1280x720 (also part of make test).
rehearse: $(VENV)/.installed-test
	$(PY) -m pytest tests/browser/test_stage.py -q

# N app processes on loopback behind HAProxy, as deployed (deploy/haproxy/haproxy.cfg), in the
# foreground; Ctrl-C stops everything it started. PORT is the proxy's (8080 unless given).
N ?= 2
CLUSTER_PORT = $(if $(filter command line environment,$(origin PORT)),$(PORT),8080)
.PHONY: cluster
cluster: $(VENV)/.installed-run
	$(PY) -m explainers.cluster --processes $(N) --port $(CLUSTER_PORT)

clean:
	rm -rf $(VENV) test-output .pytest_cache .hypothesis
