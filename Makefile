# The two commands of the README, and a few helpers. Everything runs inside .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000

# `make run` serves plain HTTP on this machine; a real server sets its own environment.
run: export DJANGO_HTTPS ?= 0
run: export SECRET_KEY ?= $(shell cat $(VENV)/local-secret-key 2>/dev/null)

.PHONY: run test lint format bench setup browser clean

run: setup $(VENV)/local-secret-key
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup browser
	DJANGO_DEBUG=1 $(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=1 $(MANAGE) check
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Speed and memory figures (not a test): page time as a multiple of a static file's time.
bench: setup
	$(BIN)/python tests/bench/bench_pages.py

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# A key for this machine only, kept out of git inside .venv; never used by a real server.
$(VENV)/local-secret-key: | setup
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Browser tests drive Debian's Chromium; install it when it is missing and we may.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
	  else echo "Browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
