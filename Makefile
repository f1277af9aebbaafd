# The two commands of the README, and a few helpers. Everything runs inside .venv.
# tests/test_readme.py runs the README's commands as written.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000

FILE ?= content.json

# Targets for this machine: manage.py with the key in $(VENV)/local-secret-key and plain HTTP.
# Only make hands that key on: manage.py and gunicorn never read the file, so a server, which
# runs them itself with SECRET_KEY in its environment, stops when the key is missing.
LOCAL := run migrate superuser axes-reset export-content import-content
$(LOCAL): export DJANGO_HTTPS ?= 0
$(LOCAL): export SECRET_KEY ?= $(shell cat $(VENV)/local-secret-key 2>/dev/null)

.PHONY: $(LOCAL) test lint format bench setup browser clean

run: migrate
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# What `make run` does before serving. The commands below run it first too, so they also
# work before the first `make run` and after a `git pull` that brings new migrations.
migrate: setup $(VENV)/local-secret-key
	$(MANAGE) migrate --noinput

superuser: migrate
	$(MANAGE) createsuperuser

axes-reset: migrate
	$(MANAGE) axes_reset

# Written beside the file, then moved, so a failed export never empties a good file.
export-content: migrate
	$(MANAGE) export_content > "$(FILE).part" || { rm -f "$(FILE).part"; exit 1; }
	mv "$(FILE).part" "$(FILE)"

import-content: migrate
	$(MANAGE) import_content "$(FILE)"

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
