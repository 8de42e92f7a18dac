# kreader: `make run` opens the sample article, `make test` runs every test.
# `make tools` installs the system tools the end-to-end tests drive (CI runs it first; without
# them those tests skip, saying why); `make test-lowest` checks the lowest declared versions.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

LOWEST := .venv-lowest

.PHONY: run test test-lowest check bench install tools clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[all,test,dev]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/kreader

# System tools the end-to-end tests drive: a real pty under tmux, a private sshd on loopback,
# headless Chromium for --serve.  Installs the missing ones with apt-get (as root; about 30
# Debian packages, 130 MB to download): it changes the system, so `make test` never runs it.
# Fails when it cannot install them; the tests that need them then skip, saying why.
TOOLS := tmux:tmux sshd:openssh-server ssh:openssh-client ssh-keygen:openssh-client \
         chromium:chromium+chromium-driver

tools:
	@missing=""; for pair in $(TOOLS); do cmd=$${pair%%:*}; pkgs=$$(echo "$${pair#*:}" | tr + ' '); \
	  command -v $$cmd >/dev/null 2>&1 || [ -x /usr/sbin/$$cmd ] || missing="$$missing $$pkgs"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "make tools: installing$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    $$missing >/dev/null) || { echo "make tools: could not install$$missing"; exit 1; }; \
	else echo "make tools: missing$$missing (needs root and apt-get); the e2e tests needing them will skip"; exit 1; fi

# The gates: lint, format, types, and the import contracts (reader never imports the UI).
check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: install
	$(PY) -m pytest

# The lowest versions pyproject.toml allows (uv --resolution lowest-direct), all extras, in a fresh
# venv of their own; tests/smoke.py runs every CLI view and a first paint on them.
test-lowest: install
	rm -rf $(LOWEST)
	$(VENV)/bin/uv venv --quiet --python $(PY) $(LOWEST)
	$(VENV)/bin/uv pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct '.[all]'
	$(PY) tests/smoke.py $(LOWEST)/bin/python

bench: install
	$(PY) tests/perf/bench.py

clean:
	rm -rf $(VENV) $(LOWEST) dist build .pytest_cache .hypothesis
