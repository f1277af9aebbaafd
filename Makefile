# The two commands of the README, and a few helpers. Everything runs inside .venv.
# tests/test_readme.py runs the README's commands as written.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
# Python keeps each module it compiles in __pycache__ (ignored by git), even where the shell
# says not to (PYTHONDONTWRITEBYTECODE, set on some machines): every manage.py, gunicorn and
# pytest process then starts from the compiled code (pytest's collection: 20 s -> 8 s here).
unexport PYTHONDONTWRITEBYTECODE

FILE ?= content.json
# The compiled translations of the interface (see `setup`).
MESSAGES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

# Targets for this machine: manage.py with the key in $(VENV)/local-secret-key and plain HTTP.
# Only make hands that key on: manage.py and gunicorn never read the file, so a server, which
# runs them itself with SECRET_KEY in its environment, stops when the key is missing.
LOCAL := run migrate superuser axes-reset export-content import-content catalogue
$(LOCAL): export DJANGO_HTTPS ?= 0
$(LOCAL): export SECRET_KEY ?= $(shell cat $(VENV)/local-secret-key 2>/dev/null)

.PHONY: $(LOCAL) test test-fast scale-out-test lint format bench setup dev-setup browser redis gettext clean

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

# The interface's catalogue of one language (CODE, Spanish unless given) made or brought up to
# date with every string the code and templates mark; translate the new entries in the .po.
CODE ?= es
catalogue: setup gettext $(VENV)/local-secret-key
	$(MANAGE) makemessages --locale $(CODE) --no-obsolete --no-location \
	  --ignore .venv --ignore staticfiles --ignore tests --ignore test-results

# Every test, on every core (pytest-xdist, a test at a time to whichever worker is free: not
# --dist loadscope or loadgroup, which key tests by node id and so run schemathesis's seven
# same-named tests in tests/test_api_schema.py once), then the share of each module's lines
# they ran (modules that ran every line left out). Coverage's tracer costs about 60% more
# CPU time on Python 3.11: `make test COVERAGE=` runs without it. PYTEST_ARGS adds pytest
# options: CI passes -m "not browser" for its second run on PostgreSQL, where only the
# database differs.
COVERAGE := --cov --cov-report=term:skip-covered
test: dev-setup browser redis
	DJANGO_DEBUG=1 $(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=1 $(MANAGE) check
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest --numprocesses auto $(COVERAGE) $(PYTEST_ARGS)

# The inner loop: everything but the browser and the slow tests (servers, make, migrations).
test-fast: dev-setup
	DJANGO_DEBUG=1 $(MANAGE) collectstatic --noinput --verbosity 0
	$(BIN)/pytest --numprocesses auto -m "not browser and not slow" $(PYTEST_ARGS)

# Two gunicorn instances sharing one PostgreSQL database and one Redis (tests/scale_out/): a
# change made through one is what the other serves next. It creates, then drops, a database of
# its own on that server, and empties the Redis database it is given (7 unless REDIS_URL says).
scale-out-test: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
scale-out-test: export REDIS_URL ?= redis://127.0.0.1:6379/7
scale-out-test: dev-setup
	DJANGO_DEBUG=1 $(MANAGE) collectstatic --noinput --verbosity 0
	$(BIN)/pytest tests/scale_out

# The code's style, the templates' indentation and the types (settings in pyproject.toml);
# `make format` fixes what the first three find.
lint: dev-setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	DJANGO_DEBUG=1 $(BIN)/mypy

# Speed, queries and memory figures (not a test): each page's requests per second and p99 under
# wrk beside a static file's. Install Debian's wrk when it is missing and we may, as `browser`.
bench: dev-setup
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q >&2 && apt-get install -y -q wrk >&2; \
	  else echo "The benchmark needs Debian's wrk: sudo apt-get install wrk" >&2; exit 1; fi; }
	$(BIN)/python tests/bench/bench_pages.py

format: dev-setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

setup: $(VENV)/.installed $(MESSAGES)

# The interface in each language: locale/<language>/LC_MESSAGES/django.po (in git), compiled to
# django.mo (not in git) whenever the .po changes, with GNU gettext's msgfmt.
%.mo: %.po | gettext
	msgfmt --check-format --output-file=$@ $<

# Install GNU gettext when it is missing and we may, as `browser` does Chromium.
gettext:
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q gettext; \
	  else echo "The translations need GNU gettext: sudo apt-get install gettext" >&2; exit 1; fi; }

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Tests and tooling (requirements-dev.txt) on top of what the site needs.
dev-setup: setup $(VENV)/.installed-dev

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# A key for this machine only, kept out of git inside .venv; never used by a real server.
$(VENV)/local-secret-key: | setup
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Browser tests drive Debian's Chromium; install it when it is missing and we may.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
	  else echo "Browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

# The cache's fault tests (tests/site/test_cache_faults.py) start redis-servers of their own on
# free ports; install Debian's when it is missing and we may, as `browser`.
redis:
	@command -v redis-server >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q redis-server; \
	  else echo "The cache's fault tests need Debian's redis-server: sudo apt-get install redis-server" >&2; exit 1; fi; }

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .coverage
