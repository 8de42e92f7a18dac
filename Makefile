# kreader: `make run` opens the sample article, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench install tools clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/kreader

# System tools the end-to-end tests drive (a real pty under tmux, headless Chromium for --serve);
# installed when missing and possible.
tools:
	@command -v tmux >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	  && (apt-get update -qq && apt-get install -y -qq tmux >/dev/null) || echo "tmux missing: e2e tests will be skipped"; }
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "chromium missing: the browser e2e test (kreader --serve) will be skipped"; }

test: install tools
	$(PY) -m pytest

bench: install
	$(PY) tests/perf/bench.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .hypothesis
