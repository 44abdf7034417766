# Two entry points for a newcomer: `make demo` and `make test` (see README.md).
VENV := .venv
INVOKE := $(VENV)/bin/invoke

.PHONY: demo test install install-dev build check clean

demo: install
	$(INVOKE) import build serve

test: install-dev
	$(INVOKE) tests

install: $(VENV)/.runtime node_modules/.installed

install-dev: install $(VENV)/.dev

$(VENV)/.runtime: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	$(VENV)/bin/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	# Debian's chromium (browser tests), nginx (served as www-data) and a Java runtime (the Nu HTML Checker)
	command -v chromium >/dev/null && command -v nginx >/dev/null && command -v java >/dev/null || \
	  (apt-get update && apt-get install -y --no-install-recommends chromium nginx-light default-jre-headless \
	   && (nginx -s quit 2>/dev/null || true))  # the package starts a server on port 80: the tests run their own
	touch $@

node_modules/.installed: package-lock.json
	command -v npm >/dev/null || (apt-get update && apt-get install -y nodejs npm)
	npm ci --ignore-scripts --no-audit --no-fund  # no install scripts: the DSFR one expects its own CLI
	touch $@

build: install
	$(INVOKE) build

check: install
	$(INVOKE) check

clean:
	rm -rf output
