# kreader: `make run` opens the sample article, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test check bench install tools clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/kreader

# System tools the end-to-end tests drive: a real pty under tmux, a private sshd on loopback,
# headless Chromium for --serve.  Installed with apt-get when missing and possible (root);
# otherwise this says so and the tests that need them skip, saying why.  Never fails.
TOOLS := tmux:tmux sshd:openssh-server ssh:openssh-client ssh-keygen:openssh-client \
         chromium:chromium+chromium-driver

tools:
	@missing=""; for pair in $(TOOLS); do cmd=$${pair%%:*}; pkgs=$$(echo "$${pair#*:}" | tr + ' '); \
	  command -v $$cmd >/dev/null 2>&1 || [ -x /usr/sbin/$$cmd ] || missing="$$missing $$pkgs"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "make tools: installing$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    $$missing >/dev/null) || echo "make tools: could not install$$missing; the e2e tests needing them will skip"; \
	else echo "make tools: missing$$missing (needs root and apt-get); the e2e tests needing them will skip"; fi

# The gates: lint, format, types, and the import contracts (reader never imports the UI).
check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: install tools
	$(PY) -m pytest

bench: install
	$(PY) tests/perf/bench.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .hypothesis
